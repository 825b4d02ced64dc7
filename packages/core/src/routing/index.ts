export * from './choose-agent';
export * from './decide-route';
