import { describe, expect, test } from 'vitest';
import type { AuditEntry } from '../src/audit/audit-entry';
import { drainTargetsOf } from '../src/services/drain/drain-targets';

const organizationId = 'org';
const actor = { type: 'API_KEY', id: 'key' } as const;
const view = (fields: { status?: string; queueId?: string | null; agentId?: string | null }) => ({
  id: 'c1',
  status: 'OPEN',
  queueId: 'q1',
  agentId: null,
  ...fields,
});
const change = (action: string, before: unknown, after: unknown): AuditEntry => ({
  organizationId,
  actor,
  action,
  entityType: 'conversation',
  entityId: 'c1',
  before,
  after,
});
const queue = (queueId: string) => ({ kind: 'queue', organizationId, queueId });

describe('which changes may free capacity (drainTargetsOf)', () => {
  test.each([
    [
      'closed',
      change('conversation.status', view({ agentId: 'a' }), view({ agentId: 'a', status: 'CLOSED' })),
      [queue('q1')],
    ],
    [
      'solved',
      change('conversation.patch', view({ agentId: 'a' }), view({ agentId: 'a', status: 'SOLVED' })),
      [queue('q1')],
    ],
    ['unassigned', change('conversation.unassign', view({ agentId: 'a' }), view({})), [queue('q1')]],
    [
      'reassigned',
      change('conversation.assign', view({ agentId: 'a' }), view({ agentId: 'b' })),
      [queue('q1')],
    ],
    [
      'moved',
      change('conversation.patch', view({ agentId: 'a' }), view({ queueId: 'q2' })),
      [queue('q1'), queue('q2')],
    ],
    ['deleted', change('conversation.delete', view({ agentId: 'a' }), null), [queue('q1')]],
    ['retitled', change('conversation.patch', view({ agentId: 'a' }), view({ agentId: 'a' })), []],
    ['assigned from waiting', change('conversation.assign', view({}), view({ agentId: 'a' })), []],
    [
      'routed (routing assigned or found no room)',
      change('conversation.route', view({ agentId: 'a' }), view({})),
      [],
    ],
  ])('a conversation %s', (_title, entry, targets) => {
    expect(drainTargetsOf(entry)).toEqual(targets);
  });

  test.each([
    [
      'an agent updated',
      { entityType: 'agent', action: 'agent.update' },
      [{ kind: 'agent', organizationId, agentId: 'x' }],
    ],
    [
      'an agent deleted',
      { entityType: 'agent', action: 'agent.delete' },
      [{ kind: 'organization', organizationId }],
    ],
    ["an agent's heartbeat", { entityType: 'agent', action: 'agent.heartbeat' }, []],
    ['members added', { entityType: 'queue', action: 'queue.agents.add' }, [queue('x')]],
    [
      'a queue renamed',
      { entityType: 'queue', action: 'queue.update', before: { name: 'a' }, after: { name: 'b' } },
      [],
    ],
    [
      "a queue's auto-assignment switched on",
      {
        entityType: 'queue',
        action: 'queue.update',
        before: { isAutoAssignmentEnabled: false },
        after: { isAutoAssignmentEnabled: true },
      },
      [queue('x')],
    ],
    [
      'a queue given its own calendar',
      {
        entityType: 'queue',
        action: 'queue.update',
        before: { workingHoursId: null },
        after: { workingHoursId: 'w' },
      },
      [queue('x')],
    ],
    ['a tracker changed', { entityType: 'tracker', action: 'tracker.update' }, []],
  ])('%s', (_title, fields, targets) => {
    expect(drainTargetsOf({ organizationId, actor, entityId: 'x', ...fields })).toEqual(targets);
  });

  test('settings drain every queue only when routing settings changed', () => {
    const settings = (routing: unknown, pageSize: number) => ({
      routing,
      pagination: { maxPageSize: pageSize },
    });
    const entry = (before: unknown, after: unknown): AuditEntry => ({
      organizationId,
      actor,
      action: 'settings.update',
      entityType: 'settings',
      entityId: organizationId,
      before,
      after,
    });
    expect(drainTargetsOf(entry(settings({ a: 1 }, 10), settings({ a: 1 }, 20)))).toEqual([]);
    expect(drainTargetsOf(entry(settings({ a: 1 }, 10), settings({ a: 2 }, 10)))).toEqual([
      { kind: 'organization', organizationId },
    ]);
  });
});
