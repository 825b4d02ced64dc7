export { createSlackbot, type RunningSlackbot, startSlackbot } from './app';
export { ConfigError, loadSlackbotConfig, type SlackbotConfig, type SlackbotEnv } from './env';
