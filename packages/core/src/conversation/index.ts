// types.ts is exported from the package root directly; this barrel adds the lifecycle rules.
export * from './create';
export { normalizeTags } from './fields';
export * from './lifecycle';
export * from './state';
export * from './update';
