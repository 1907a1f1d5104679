/** The training engine's public surface: pure TypeScript, no DOM, flat typed arrays. */
export * from './activations';
export * from './edit';
export * from './errors';
// The pass over blocks of rows (forwardRows, affineBlock, …) stays internal to the engine.
export { exampleLoss, forward } from './forward';
export * from './freeze';
export * from './grid';
export * from './init';
export * from './learnedParams';
export * from './network';
export * from './outputHeads';
export * from './rng';
export * from './spec';
export * from './stats';
export * from './train';
