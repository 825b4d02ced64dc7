/** Test helpers for criteria; not part of the package's public entry (`src/index.ts`). */
export * from './arbitraries';
export * from './fixtures';
export * from './pools';
export * from './reference';
export * from './runs';
export * from './variants';
