export * from './choose-agent';
export * from './decide-route';
export * from './plan-drain';
export * from './presence';
export * from './queue-assignment';
