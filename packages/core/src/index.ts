export * from './conversation';
export * from './conversation/types';
export * from './criteria';
export * from './detection';
export * from './errors';
export * from './limits';
export * from './routing';
export * from './settings';
