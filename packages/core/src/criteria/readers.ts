import type { ConversationFacts } from '../conversation/types';
import { metadataKey } from './fields';

/**
 * How the compiled predicate reads a field from the facts. One small function per field with a
 * fixed property name, which V8 inlines far better than a shared `facts[field]`.
 * Anything of the wrong type reads as "null" (undefined / NaN), so evaluation never throws.
 */
export type Read = (facts: ConversationFacts) => unknown;
export type ReadNumber = (facts: ConversationFacts) => number;

const values = new Map<string, Read>([
  ['id', (facts) => facts.id],
  ['topic', (facts) => facts.topic],
  ['summary', (facts) => facts.summary],
  ['status', (facts) => facts.status],
  ['priority', (facts) => facts.priority],
  ['channel', (facts) => facts.channel],
  ['queueId', (facts) => facts.queueId],
  ['agentId', (facts) => facts.agentId],
  ['workspaceId', (facts) => facts.workspaceId],
  ['spaceId', (facts) => facts.spaceId],
  ['createdAt', (facts) => facts.createdAt],
  ['updatedAt', (facts) => facts.updatedAt],
  ['closedAt', (facts) => facts.closedAt],
  ['tags', (facts) => facts.tags],
  ['trackers', (facts) => facts.trackers],
  ['entities', (facts) => facts.entities],
]);

export const readValue = (field: string): Read => {
  const key = metadataKey(field);
  if (key === undefined) return values.get(field) ?? (() => undefined);
  return (facts) => {
    const metadata: unknown = facts.metadata;
    // Own keys only: `metadata.constructor` must not find Object.prototype.constructor.
    if (typeof metadata !== 'object' || metadata === null) return undefined;
    const value = (metadata as Record<string, unknown>)[key];
    return value !== undefined && Object.hasOwn(metadata, key) ? value : undefined;
  };
};

/** LOW < NORMAL < HIGH < URGENT as 0–3; NaN for anything else (NaN compares false with everything). */
export const rankOf = (priority: unknown): number =>
  priority === 'LOW'
    ? 0
    : priority === 'NORMAL'
      ? 1
      : priority === 'HIGH'
        ? 2
        : priority === 'URGENT'
          ? 3
          : Number.NaN;

const ms = (value: unknown): number => (value instanceof Date ? value.getTime() : Number.NaN);

const numbers = new Map<string, ReadNumber>([
  ['priority', (facts) => rankOf(facts.priority)],
  ['createdAt', (facts) => ms(facts.createdAt)],
  ['updatedAt', (facts) => ms(facts.updatedAt)],
  ['closedAt', (facts) => ms(facts.closedAt)],
]);

/** Priority rank or epoch milliseconds of an ordered field; NaN stands for null. */
export const readNumber = (field: string): ReadNumber => numbers.get(field) ?? (() => Number.NaN);
