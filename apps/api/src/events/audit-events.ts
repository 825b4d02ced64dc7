import type { AuditEntry } from '../audit/record-audit';
import type { ConversationView } from '../services/conversations/conversation-view';
import type { EventDraft } from './record-events';

/** A conversation's state around one statement's changes: what group membership is judged on. */
export interface ConversationTransition {
  conversationId: string;
  /** Null when the conversation did not exist before (created in this statement). */
  before: ConversationView | null;
  /** Null when the conversation no longer exists (deleted in this statement). */
  after: ConversationView | null;
  /** A message added by the change: its detections are not part of the state before. */
  messageId?: string | undefined;
}

export interface DerivedEvents {
  events: EventDraft[];
  transitions: ConversationTransition[];
}

/**
 * The events of audited changes written together: one event per audit entry, typed by what
 * changed (README, "Events"). Audit entries are written by every mutation on every path, which is
 * why events are derived here rather than at each call site.
 */
export function eventsOfAudit(entries: readonly AuditEntry[]): DerivedEvents {
  const events: EventDraft[] = [];
  const transitions = new Map<string, ConversationTransition>();
  for (const entry of entries) {
    // An audited call that changed nothing (the same agent fields again) is no event.
    if (
      entry.before != null &&
      entry.after != null &&
      JSON.stringify(entry.before) === JSON.stringify(entry.after)
    )
      continue;
    const base = { organizationId: entry.organizationId, actor: entry.actor };
    if (entry.entityType !== 'conversation') {
      events.push({ ...base, type: otherEventType(entry), data: otherEventData(entry) });
      continue;
    }
    const change = conversationChange(entry);
    events.push({ ...base, type: change.type, conversationId: entry.entityId, data: change.data });
    const earlier = transitions.get(entry.entityId);
    transitions.set(entry.entityId, {
      conversationId: entry.entityId,
      before: earlier ? earlier.before : change.before,
      after: change.after,
      messageId: earlier?.messageId ?? change.messageId,
    });
  }
  return { events, transitions: [...transitions.values()] };
}

interface ConversationChange {
  type: string;
  data: Record<string, unknown>;
  before: ConversationView | null;
  after: ConversationView | null;
  messageId?: string;
}

function conversationChange(entry: AuditEntry): ConversationChange {
  const after = (entry.subject ?? entry.after) as ConversationView;
  // With a subject, `before` may hold only the fields that changed (a tag deleted everywhere).
  const before = (
    entry.before == null
      ? null
      : entry.subject
        ? { ...(entry.subject as object), ...(entry.before as object) }
        : entry.before
  ) as ConversationView | null;
  switch (entry.action) {
    case 'conversation.create': {
      // A follow-up names its parent beside the conversation (Infobip's linked conversations).
      const { parentConversationId, ...conversation } = after as ConversationView & {
        parentConversationId?: string;
      };
      const link = parentConversationId === undefined ? {} : { parentConversationId };
      return {
        type: 'conversation.created',
        data: { conversation, ...link },
        before: null,
        after: conversation,
      };
    }
    case 'conversation.message.add':
      return {
        type: 'message.created',
        data: { conversation: after, message: entry.after },
        before: after,
        after,
        messageId: (entry.after as { id: string }).id,
      };
    case 'conversation.route': {
      const { routing, ...conversation } = entry.after as ConversationView & { routing: unknown };
      return changed('conversation.routed', before, conversation, { routing });
    }
    case 'conversation.assign':
      return entry.subject
        ? // Routing's assignment: the route event before it holds the conversation's before.
          {
            type: 'conversation.assigned',
            data: { conversation: after, assignment: entry.after },
            before: after,
            after,
          }
        : changed('conversation.assigned', before, after);
    case 'conversation.unassign':
      return changed('conversation.unassigned', before, after);
    case 'conversation.tag.add':
      return changed('conversation.tagged', before, after);
    case 'conversation.tag.remove':
      return changed('conversation.untagged', before, after);
    case 'conversation.metadata.replace':
    case 'conversation.metadata.merge':
      return changed('conversation.metadata_changed', before, after);
    case 'conversation.delete':
      // It leaves every group it was in (group.left follows); the payload is what it was.
      return { type: 'conversation.deleted', data: { conversation: before }, before, after: null };
    default:
      return changed(propertiesEventType(before, after), before, after);
  }
}

/** PUT / PATCH / status: one event, named by the most telling field that changed. */
function propertiesEventType(before: ConversationView | null, after: ConversationView): string {
  if (before && before.status !== after.status) {
    return after.status === 'CLOSED' ? 'conversation.closed' : 'conversation.status_changed';
  }
  if (before && before.agentId !== after.agentId) {
    return after.agentId ? 'conversation.assigned' : 'conversation.unassigned';
  }
  return 'conversation.updated';
}

// Fields whose change is reported; version and updatedAt move with every change.
const reportedFields = [
  'topic',
  'summary',
  'status',
  'priority',
  'queueId',
  'agentId',
  'channel',
  'workspaceId',
  'spaceId',
  'tags',
  'metadata',
  'closedAt',
] as const;

function changed(
  type: string,
  before: ConversationView | null,
  after: ConversationView,
  extra: Record<string, unknown> = {},
): ConversationChange {
  return {
    type,
    data: { conversation: after, changes: fieldChanges(before, after), ...extra },
    before,
    after,
  };
}

export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  fields: readonly string[] = reportedFields,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    const from = before?.[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { before: from, after: to };
  }
  return changes;
}

const pastTense: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  revoke: 'revoked',
};

/** `agent.create` → `agent.created`; every other verb (replace, status, criteria, agents.add …) is an update. */
function otherEventType(entry: AuditEntry): string {
  const verb = entry.action.slice(entry.action.lastIndexOf('.') + 1);
  return `${entry.entityType}.${pastTense[verb] ?? 'updated'}`;
}

function otherEventData(entry: AuditEntry): Record<string, unknown> {
  const view = { id: entry.entityId, ...((entry.after ?? entry.before ?? {}) as Record<string, unknown>) };
  const data: Record<string, unknown> = { [entry.entityType]: view };
  if (entry.before != null && entry.after != null) {
    const before = entry.before as Record<string, unknown>;
    data.changes = fieldChanges(before, view, [...new Set([...Object.keys(before), ...Object.keys(view)])]);
  }
  return data;
}
