import type { Token } from './tokenize';
import { UsageError } from './usage-error';

export const priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export const statuses = ['OPEN', 'WAITING', 'SOLVED', 'CLOSED'] as const;
export type Priority = (typeof priorities)[number];
export type Status = (typeof statuses)[number];

/** Case-insensitive choice from a fixed list; the error names the choices. */
export function oneOf<T extends string>(
  value: string,
  choices: readonly T[],
  what: string,
  usage: string,
): T {
  const upper = value.toUpperCase();
  const found = choices.find((choice) => choice === upper);
  if (!found) throw new UsageError(`${what} must be one of ${choices.join(', ')}; got "${value}".`, usage);
  return found;
}

// Full ids are UUIDs; the cards show their first 8 characters, which are accepted too.
const reference = /^[A-Za-z0-9_-]{4,64}$/;

/** A conversation id (full or short) from the token at `index`. */
export function conversationRef(tokens: readonly Token[], index: number, usage: string): string {
  const token = tokens[index];
  if (!token) throw new UsageError('Give the conversation id (the short id on a card is enough).', usage);
  if (!reference.test(token.value)) {
    throw new UsageError(
      `"${token.value}" is not a conversation id: use 4–64 letters, digits or dashes.`,
      usage,
    );
  }
  return token.value;
}

/** A group name or id from the token at `index`. */
export function groupRef(tokens: readonly Token[], index: number, usage: string): string {
  const token = tokens[index];
  if (!token || token.value.trim() === '')
    throw new UsageError('Give the group name (quote it if it has spaces) or id.', usage);
  return token.value;
}

/** `a,b , c` → `['a','b','c']`, empty parts dropped. */
export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function positiveInt(value: string, what: string, max: number, usage: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new UsageError(`${what} must be a whole number from 1 to ${max}; got "${value}".`, usage);
  }
  return number;
}
