export * from './calendar';
export * from './check-calendar';
export * from './within';
