import { normalizePatch, sameMetadata, sameTags } from './fields';
import { assertTransition, closedRefusal } from './lifecycle';
import {
  type ConversationPatch,
  type ConversationPatchField,
  type ConversationState,
  conversationPatchFields,
} from './state';

export interface ConversationUpdatePlan {
  /** The whole conversation after the change. */
  next: ConversationState;
  /** Requested fields whose value actually changes, in a fixed order (for audit and replies). */
  changed: ConversationPatchField[];
  /** The columns to write: changed fields plus derived ones (version, updatedAt, closedAt, assignedAt). */
  set: Partial<ConversationState>;
}

/**
 * Plans an update: validates the patch, applies the lifecycle rules and returns the new state.
 *
 * - A field set to its current value is not a change, so retries and full PUT bodies are safe;
 *   a patch that changes nothing returns `changed: []` and leaves version and updatedAt alone.
 * - CLOSED is terminal: any change other than tags is refused (CONFLICT, CLOSED_IS_TERMINAL).
 * - Moving to CLOSED stamps closedAt; a new agent stamps assignedAt (null when unassigned).
 * - Every real change increments version by one and sets updatedAt to `now`.
 */
export const planConversationUpdate = (
  current: ConversationState,
  patch: ConversationPatch,
  now: Date,
): ConversationUpdatePlan => {
  const fields = normalizePatch(patch);
  const changed = conversationPatchFields.filter(
    (field) => fields[field] !== undefined && !sameValue(field, current, fields),
  );

  if (current.status === 'CLOSED') {
    const refused = changed.filter((field) => field !== 'tags');
    if (refused.length > 0) throw closedRefusal(current.id, 'updated', refused);
  }
  if (fields.status !== undefined) assertTransition(current.id, current.status, fields.status);

  if (changed.length === 0) return { next: current, changed, set: {} };

  const set: Partial<ConversationState> = {};
  for (const field of changed) Object.assign(set, { [field]: fields[field] });
  if (changed.includes('status') && set.status === 'CLOSED') set.closedAt = now;
  if (changed.includes('agentId')) set.assignedAt = set.agentId === null ? null : now;
  set.version = current.version + 1;
  set.updatedAt = now;

  return { next: { ...current, ...set }, changed, set };
};

const sameValue = (field: ConversationPatchField, current: ConversationState, fields: ConversationPatch) => {
  if (field === 'tags') return sameTags(current.tags, fields.tags ?? []);
  if (field === 'metadata') return sameMetadata(current.metadata, fields.metadata ?? {});
  return current[field] === fields[field];
};
