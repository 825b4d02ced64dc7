import { DomainError } from '../errors';
import {
  validateChannel,
  validateMetadata,
  validateSummary,
  validateTagName,
  validateTopic,
} from '../limits';
import type { ConversationPatch } from './state';
import { conversationStatuses, priorities } from './types';

/**
 * Validates and normalises every present field of a patch (trimmed, de-duplicated tags; checked
 * lengths, enums and formats). Shared by create and update so both refuse the same values.
 */
export const normalizePatch = (patch: ConversationPatch): ConversationPatch => {
  const out: ConversationPatch = {};
  if (patch.topic !== undefined) out.topic = patch.topic === null ? null : validateTopic(patch.topic);
  if (patch.summary !== undefined)
    out.summary = patch.summary === null ? null : validateSummary(patch.summary);
  if (patch.status !== undefined) out.status = oneOf('status', patch.status, conversationStatuses);
  if (patch.priority !== undefined) out.priority = oneOf('priority', patch.priority, priorities);
  if (patch.channel !== undefined) out.channel = validateChannel(patch.channel);
  if (patch.queueId !== undefined) out.queueId = optionalId('queueId', patch.queueId);
  if (patch.agentId !== undefined) out.agentId = optionalId('agentId', patch.agentId);
  if (patch.metadata !== undefined) out.metadata = validateMetadata(patch.metadata);
  if (patch.tags !== undefined) out.tags = normalizeTags(patch.tags);
  return out;
};

/** Trims and checks each tag name and drops repeats, keeping first-seen order. */
export const normalizeTags = (tags: readonly string[]): string[] => {
  if (!Array.isArray(tags)) {
    throw new DomainError('VALIDATION', 'tags must be a list of tag names.', { field: 'tags' });
  }
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    seen.add(validateTagName(tag, `tags[${index}]`));
  });
  return [...seen];
};

const oneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T => {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainError('VALIDATION', `${field} must be one of ${allowed.join(', ')}.`, {
    field,
    allowed: [...allowed],
  });
};

const optionalId = (field: string, value: unknown): string | null => {
  if (value === null) return null;
  if (typeof value === 'string' && value !== '') return value;
  throw new DomainError('VALIDATION', `${field} must be a non-empty id or null.`, { field });
};

/** Tags are a set for comparison: order is not a change. */
export const sameTags = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((tag) => set.has(tag));
};

export const sameMetadata = (a: Record<string, string>, b: Record<string, string>): boolean => {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
};
