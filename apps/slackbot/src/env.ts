import { LogLevel } from '@slack/bolt';

export interface SlackbotEnv {
  signingSecret: string;
  botToken: string;
  /** Slack Web API base (ends with `/`); undefined means Slack's own. */
  slackApiUrl: string | undefined;
  port: number;
  /** The Switchboard API base, without a trailing `/`. */
  apiUrl: string;
  apiKey: string;
  /** Each API call is abandoned after this long, so a slow API never hangs a reply. */
  apiTimeoutMs: number;
  /** Changes to one card within this window become one update and one thread line. */
  cardCoalesceMs: number;
  logLevel: LogLevel;
}

export type SlackbotConfig = { enabled: true; env: SlackbotEnv } | { enabled: false; reason: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const disabledMessage =
  'Slack bot not started: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to enable it';

/**
 * Reads the bot's environment once. Neither Slack secret set means "no bot here" (so `npm start`
 * runs the API alone); anything set but missing or malformed is a ConfigError naming the variable.
 */
export function loadSlackbotConfig(source: NodeJS.ProcessEnv = process.env): SlackbotConfig {
  // An empty variable means "not set", as in `SLACK_BOT_TOKEN= npm start`.
  const read = (name: string): string | undefined => {
    const value = source[name]?.trim();
    return value === '' ? undefined : value;
  };
  const signingSecret = read('SLACK_SIGNING_SECRET');
  const botToken = read('SLACK_BOT_TOKEN');
  if (signingSecret === undefined && botToken === undefined)
    return { enabled: false, reason: disabledMessage };

  const problems: string[] = [];
  const parsed = <T>(name: string, value: string, parse: (value: string) => T): T => {
    try {
      return parse(value);
    } catch (error) {
      problems.push(`  ${name}: ${(error as Error).message}`);
      return undefined as T;
    }
  };
  const required = <T>(name: string, value: string | undefined, parse: (value: string) => T): T => {
    if (value !== undefined) return parsed(name, value, parse);
    problems.push(`  ${name}: is required`);
    return undefined as T;
  };
  const optional = <T, D>(name: string, parse: (value: string) => T, fallback: D): T | D => {
    const value = read(name);
    return value === undefined ? fallback : parsed(name, value, parse);
  };

  const env: SlackbotEnv = {
    signingSecret: required('SLACK_SIGNING_SECRET', signingSecret, secret),
    botToken: required('SLACK_BOT_TOKEN', botToken, botTokenOf),
    slackApiUrl: optional('SLACK_API_URL', (v) => `${httpUrl(v)}/`, undefined),
    port: optional('SLACKBOT_PORT', (v) => integer(v, 0, 65535), 3001),
    apiUrl: optional('SWITCHBOARD_API_URL', httpUrl, `http://127.0.0.1:${read('PORT') ?? 3000}`),
    // The API's bootstrap key is an owner key, so a one-machine `npm start` needs no second copy.
    apiKey: required('SWITCHBOARD_API_KEY', read('SWITCHBOARD_API_KEY') ?? read('BOOTSTRAP_API_KEY'), secret),
    apiTimeoutMs: optional('SWITCHBOARD_API_TIMEOUT_MS', (v) => integer(v, 100, 60_000), 2500),
    cardCoalesceMs: optional('SLACK_CARD_COALESCE_MS', (v) => integer(v, 0, 60_000), 250),
    logLevel: optional('LOG_LEVEL', logLevelOf, LogLevel.INFO),
  };
  if (problems.length > 0)
    throw new ConfigError(`Slack bot configuration is invalid:\n${problems.join('\n')}`);
  return { enabled: true, env };
}

function secret(value: string): string {
  if (/\s/.test(value)) throw new Error('must not contain spaces');
  if (value.length < 16) throw new Error('is too short (at least 16 characters)');
  return value;
}

function botTokenOf(value: string): string {
  if (!/^xoxb-[\w-]+$/.test(value)) throw new Error('must be a bot token starting with "xoxb-"');
  return value;
}

function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('must be an http:// or https:// URL');
  return value.replace(/\/+$/, '');
}

function integer(value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`must be a whole number from ${min} to ${max}`);
  }
  return number;
}

function logLevelOf(value: string): LogLevel {
  const levels: Record<string, LogLevel> = {
    debug: LogLevel.DEBUG,
    trace: LogLevel.DEBUG,
    info: LogLevel.INFO,
    warn: LogLevel.WARN,
    error: LogLevel.ERROR,
    fatal: LogLevel.ERROR,
    silent: LogLevel.ERROR,
  };
  const level = levels[value.toLowerCase()];
  if (!level) throw new Error('must be one of debug, info, warn, error');
  return level;
}
