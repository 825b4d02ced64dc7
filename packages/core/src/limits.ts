import { DomainError } from './errors';

/**
 * Field limits shared by every entry point (REST, tRPC, Slack), so a value refused by one is
 * refused by all with the same message. Lengths count Unicode code points, not UTF-16 units:
 * that is what a person counts and what PostgreSQL's char_length() reports, so an emoji is 1.
 */
export const limits = {
  topic: 255,
  summary: 4000,
  tagName: 100,
  groupName: 128,
  description: 512,
  metadataKey: 128,
  metadataValue: 128,
  metadataKeys: 100,
  channel: 64,
} as const;

export const charLength = (value: string): number => {
  let count = 0;
  for (const _ of value) count++;
  return count;
};

function fail(field: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError('VALIDATION', message, { field, ...details });
}

// Callers are typed, but values reach core from JSON bodies too; a wrong type is a 400, not a crash.
function assertString(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') fail(field, `${field} must be a string.`);
}

const assertMaxLength = (field: string, value: string, max: number): void => {
  const length = charLength(value);
  if (length > max) {
    fail(field, `${field} is ${length} characters long; the maximum is ${max}.`, { max, length });
  }
};

// Control characters (newlines, NUL, …) break single-line displays (Slack cards, table cells)
// and criteria values, so names and keys may not contain them. Free text (topic, summary) may.
const controlCharacter = /\p{Cc}/u;

/** Topic: free text up to 255 characters, kept exactly as given. */
export const validateTopic = (topic: string): string => {
  assertString('topic', topic);
  assertMaxLength('topic', topic, limits.topic);
  return topic;
};

/** Summary: free text up to 4000 characters, kept exactly as given. */
export const validateSummary = (summary: string): string => {
  assertString('summary', summary);
  assertMaxLength('summary', summary, limits.summary);
  return summary;
};

/** Description (conversation groups, trackers): free text up to 512 characters. */
export const validateDescription = (description: string): string => {
  assertString('description', description);
  assertMaxLength('description', description, limits.description);
  return description;
};

/**
 * Tag name: surrounding whitespace is dropped (so " vip" and "vip" are one tag), then it must be
 * non-empty, at most 100 characters, and free of control characters. Returns the trimmed name.
 */
export const validateTagName = (name: string, field = 'tagName'): string => {
  assertString(field, name);
  const trimmed = name.trim();
  if (trimmed === '') fail(field, `${field} must not be empty.`);
  assertMaxLength(field, trimmed, limits.tagName);
  if (controlCharacter.test(trimmed)) fail(field, `${field} must not contain control characters.`);
  return trimmed;
};

/**
 * Conversation group name (Symbl). Symbl documents only the 128-character limit, so the
 * character rule is ours: letters (any script, with their combining marks), digits, spaces and
 * `_ - . ' ( ) & : /`. That covers names like "VIP customers (EU)" or "Tier-2: billing/refunds"
 * while keeping out quotes, `@`, `#`, `<`, `>` and the like, which Slack's `/group show <name>`
 * and Block Kit text would treat specially. Surrounding whitespace is dropped; the result must
 * be non-empty. Returns the trimmed name.
 */
const groupNameCharacters = /^[\p{L}\p{M}\p{N} _\-.'()&:/]+$/u;

export const validateGroupName = (name: string): string => {
  assertString('name', name);
  const trimmed = name.trim();
  if (trimmed === '') fail('name', 'name must not be empty.');
  assertMaxLength('name', trimmed, limits.groupName);
  if (!groupNameCharacters.test(trimmed)) {
    fail('name', "name may contain only letters, digits, spaces and _ - . ' ( ) & : / characters.", {
      rule: 'GROUP_NAME_CHARACTERS',
    });
  }
  return trimmed;
};

/**
 * Channel: an open set (Infobip's known channels plus anything a client invents), written as
 * Infobip writes them: uppercase letters, digits and underscores, 1–64 characters.
 */
const channelFormat = /^[A-Z0-9_]+$/;

export const validateChannel = (channel: string): string => {
  assertString('channel', channel);
  if (channel === '') fail('channel', 'channel must not be empty.');
  assertMaxLength('channel', channel, limits.channel);
  if (!channelFormat.test(channel)) {
    fail('channel', 'channel may contain only uppercase letters, digits and underscores, e.g. "LIVE_CHAT".', {
      rule: 'CHANNEL_FORMAT',
    });
  }
  return channel;
};

/**
 * Metadata: a flat map of string → string, at most 100 keys, keys 1–128 characters without
 * control characters, values up to 128 characters. Keys are kept exactly (no trimming): they are
 * addressed as `metadata.<key>` in criteria, and a silently changed key would never match.
 * Returns a fresh object with only own, enumerable entries.
 */
export const validateMetadata = (metadata: unknown): Record<string, string> => {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    return fail('metadata', 'metadata must be an object mapping string keys to string values.');
  }
  const entries = Object.entries(metadata);
  if (entries.length > limits.metadataKeys) {
    fail('metadata', `metadata has ${entries.length} keys; the maximum is ${limits.metadataKeys}.`, {
      max: limits.metadataKeys,
      length: entries.length,
    });
  }
  for (const [key, value] of entries) {
    if (key === '') fail('metadata', 'metadata keys must not be empty.', { key });
    if (charLength(key) > limits.metadataKey) {
      fail(
        'metadata',
        `metadata key "${key.slice(0, 32)}…" is longer than ${limits.metadataKey} characters.`,
        {
          key,
          max: limits.metadataKey,
        },
      );
    }
    if (controlCharacter.test(key)) {
      fail('metadata', 'metadata keys must not contain control characters.', { key });
    }
    if (typeof value !== 'string') {
      fail('metadata', `metadata value for "${key}" must be a string (got ${describeType(value)}).`, { key });
    }
    if (charLength(value) > limits.metadataValue) {
      fail('metadata', `metadata value for "${key}" is longer than ${limits.metadataValue} characters.`, {
        key,
        max: limits.metadataValue,
      });
    }
  }
  // Object.fromEntries defines own properties, so a "__proto__" key stays plain data.
  return Object.fromEntries(entries) as Record<string, string>;
};

const describeType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
