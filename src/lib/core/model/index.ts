// The domain model: plain, serialisable types shared by the engine, storage, file format and UI.
export * from './groups.ts';
export * from './uncertain.ts';
export * from './population.ts';
export * from './assumptions.ts';
export * from './plan.ts';
export * from './base-data.ts';
export * from './engine-input.ts';
export * from './result.ts';
export * from './notebook.ts';
