export * from './errors';
export * from './conversation/types';
