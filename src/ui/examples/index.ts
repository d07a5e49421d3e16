export type { Example } from './roofline-example.js';
export { rooflineExample } from './roofline-example.js';
