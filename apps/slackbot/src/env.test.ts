import { describe, expect, test } from 'vitest';
import { ConfigError, disabledMessage, loadSlackbotConfig } from './env';

const secret = '8f14e45fceea167a5a36dedd4bea2543';
const complete = {
  SLACK_SIGNING_SECRET: secret,
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  SWITCHBOARD_API_KEY: 'sb_0123456789ab_secretsecretsecret',
};

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    loadSlackbotConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('slackbot environment', () => {
  test('neither Slack secret set: the bot is disabled, and says how to enable it', () => {
    expect(loadSlackbotConfig({ SLACK_BOT_TOKEN: '' })).toEqual({ enabled: false, reason: disabledMessage });
  });

  test('defaults: port 3001, the local API on PORT, 2.5 s per call', () => {
    const config = loadSlackbotConfig({ ...complete, PORT: '4000' });
    expect(config).toMatchObject({
      enabled: true,
      env: { port: 3001, apiUrl: 'http://127.0.0.1:4000', apiTimeoutMs: 2500, slackApiUrl: undefined },
    });
  });

  test('URLs are normalised: the Slack API base ends with "/", the Switchboard base does not', () => {
    const config = loadSlackbotConfig({
      ...complete,
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      SWITCHBOARD_API_URL: 'https://switchboard.example.com/',
    });
    expect(config).toMatchObject({
      env: { slackApiUrl: 'http://127.0.0.1:9999/api/', apiUrl: 'https://switchboard.example.com' },
    });
  });

  test('the bootstrap key stands in for SWITCHBOARD_API_KEY', () => {
    const config = loadSlackbotConfig({
      ...complete,
      SWITCHBOARD_API_KEY: '',
      BOOTSTRAP_API_KEY: 'bootstrap-key-0123456789abcdef',
    });
    expect(config).toMatchObject({ env: { apiKey: 'bootstrap-key-0123456789abcdef' } });
  });

  test.each([
    [{ SLACK_BOT_TOKEN: undefined }, 'SLACK_BOT_TOKEN: is required'],
    [{ SLACK_SIGNING_SECRET: undefined }, 'SLACK_SIGNING_SECRET: is required'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token' }, 'SLACK_BOT_TOKEN: must be a bot token starting with "xoxb-"'],
    [{ SLACK_SIGNING_SECRET: 'short' }, 'SLACK_SIGNING_SECRET: is too short'],
    [{ SLACK_API_URL: 'ftp://x' }, 'SLACK_API_URL: must be an http:// or https:// URL'],
    [{ SWITCHBOARD_API_URL: 'nope' }, 'SWITCHBOARD_API_URL: "nope" is not a URL'],
    [{ SWITCHBOARD_API_KEY: undefined }, 'SWITCHBOARD_API_KEY: is required'],
    [{ SLACKBOT_PORT: '70000' }, 'SLACKBOT_PORT: must be a whole number from 0 to 65535'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of'],
  ])('%j is refused, naming the variable', (override, message) => {
    expect(problemsOf({ ...complete, ...override })).toContain(message);
  });
});
