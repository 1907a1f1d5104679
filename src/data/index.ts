/** The data module's public surface: seeded dataset generators, input features, splits. */
export * from './datasets';
export * from './examples';
export * from './features';
export * from './ownData';
export type { Point } from './point';
export * from './split';
