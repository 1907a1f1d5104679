/**
 * Experiments: variants of a network made by rule, each trained on many seeds in a pool of
 * workers, compared seed by seed with honest statistics. Everything here but the workers
 * themselves is pure over plain data.
 */
export * from './browserWorker';
export * from './check';
export * from './csv';
export * from './definition';
export * from './experiment';
export * from './link';
export type * from './messages';
export * from './plan';
export * from './pool';
export * from './presets';
export * from './rules';
export * from './run';
export * from './stats';
export * from './summary';
export * from './verdict';
