export { sensitivityInputCells } from './sensitivity-inputs.js';
export { synthesisCells } from './synthesis.js';
