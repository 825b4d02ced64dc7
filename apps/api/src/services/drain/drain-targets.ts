import type { AuditEntry } from '../../audit/audit-entry';
import type { ConversationView } from '../conversations/conversation-view';

/** Where capacity may have freed: one queue, every queue of an agent, or every queue of an organization. */
export type DrainTarget =
  | { kind: 'queue'; organizationId: string; queueId: string }
  | { kind: 'agent'; organizationId: string; agentId: string }
  | { kind: 'organization'; organizationId: string };

/** The distinct places a batch of audited changes (see audit/audited-changes) may have freed capacity in. */
export function drainTargetsOfChanges(entries: readonly AuditEntry[]): DrainTarget[] {
  const targets = new Map<string, DrainTarget>();
  for (const entry of entries) {
    for (const target of drainTargetsOf(entry)) targets.set(JSON.stringify(target), target);
  }
  return [...targets.values()];
}

/**
 * What one audited change may have freed: a conversation leaving its agent (closed, solved,
 * unassigned, reassigned, moved, deleted) frees a slot in its queue; an unassigned OPEN
 * conversation arriving in a queue (moved, unassigned) waits there; an agent changed (status,
 * capacity), a queue's members or its auto-assignment changed may make room; a deleted agent's
 * conversations wait again; routing settings (counted statuses, autoAssign) may change every
 * queue's room. Routing's own entries are left out: routing just assigned from that queue, or
 * found no room in it.
 */
export function drainTargetsOf(entry: AuditEntry): DrainTarget[] {
  const { organizationId } = entry;
  switch (entry.entityType) {
    case 'settings':
      return routingChanged(entry) ? [{ kind: 'organization', organizationId }] : [];
    case 'agent':
      // A heartbeat only says the agent is still there: it frees no room (and comes every few seconds).
      if (entry.action === 'agent.heartbeat') return [];
      // A deleted agent's conversations wait again, in whatever queues they are: drain them all.
      return entry.action === 'agent.delete'
        ? [{ kind: 'organization', organizationId }]
        : [{ kind: 'agent', organizationId, agentId: entry.entityId }];
    case 'queue':
      return entry.action.startsWith('queue.agents.') || assignmentChanged(entry)
        ? [{ kind: 'queue', organizationId, queueId: entry.entityId }]
        : [];
    case 'conversation':
      return entry.action === 'conversation.route' || entry.subject !== undefined
        ? []
        : conversationTargets(entry);
    default:
      return [];
  }
}

/** A queue's auto-assignment fields decide whether it assigns now (switched on, other hours); its name does not. */
const assignmentChanged = (entry: AuditEntry): boolean =>
  entry.action === 'queue.update' &&
  [
    'isAutoAssignmentEnabled',
    'isAutoAssignmentOutsideOfWorkingHoursEnabled',
    'autoAssignmentAlgorithm',
    'workingHoursId',
  ].some(
    (field) =>
      (entry.before as Record<string, unknown> | undefined)?.[field] !==
      (entry.after as Record<string, unknown> | undefined)?.[field],
  );

/** Routing settings (counted statuses, autoAssign, strategy) decide every queue's room; page sizes do not. */
const routingChanged = (entry: AuditEntry): boolean =>
  JSON.stringify((entry.before as { routing?: unknown } | undefined)?.routing) !==
  JSON.stringify((entry.after as { routing?: unknown } | undefined)?.routing);

function conversationTargets(entry: AuditEntry): DrainTarget[] {
  const before = viewOf(entry.before);
  const after = viewOf(entry.after);
  const targets: DrainTarget[] = [];
  const queue = (queueId: string) => {
    if (!targets.some((target) => target.kind === 'queue' && target.queueId === queueId))
      targets.push({ kind: 'queue', organizationId: entry.organizationId, queueId });
  };
  if (before?.agentId && before.queueId) {
    const left = !after || after.agentId !== before.agentId || after.queueId !== before.queueId;
    if (left || after.status !== before.status) queue(before.queueId);
  }
  if (after?.queueId && after.agentId === null && after.status === 'OPEN') {
    const arrived =
      !before || before.queueId !== after.queueId || before.agentId !== null || before.status !== 'OPEN';
    if (arrived) queue(after.queueId);
  }
  return targets;
}

// Conversation entries carry whole views (id, status, queueId, agentId …); partial ones
// (a message's entry, a tag deleted everywhere) have no agent or queue to go by.
function viewOf(value: unknown): ConversationView | null {
  if (value === null || typeof value !== 'object') return null;
  const view = value as Partial<ConversationView>;
  return typeof view.status === 'string' && 'agentId' in view && 'queueId' in view
    ? (view as ConversationView)
    : null;
}
