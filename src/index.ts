// The library entry point: the engine, the catalogue, the physics and scenarios.
export * from './graph/index.js';
