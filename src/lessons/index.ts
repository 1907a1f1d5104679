/** Guided lessons as plain data: the schema, the built-in lessons, the goal check. */
export * from './builtin';
export * from './goal';
export * from './schema';
