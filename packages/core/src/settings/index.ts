export * from './settings';
export * from './validate';
