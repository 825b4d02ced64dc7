import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi, type TestTenant } from '../support/test-api';

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

const criteriaOf = {
  high: 'priority==HIGH',
  vip: 'tags==vip',
  urgentOpen: 'status==OPEN;priority=in=(HIGH,URGENT)',
  gold: 'metadata.tier==gold',
  refunds: 'trackers=="Refund requests"',
  billingTopic: 'topic==*billing*',
  unassigned: 'agentId=out=("")', // re-pointed mid-run, see below
};

/**
 * A subscriber folds group.entered / group.left into the set of conversations it believes each
 * group holds; after random change sequences (through every kind of change, including a tag
 * deleted everywhere, messages that trigger a tracker, and a group's criteria edited mid-run)
 * the belief equals what `groups.members` answers.
 */
describe.each(testDatabaseKinds())('group enter / leave events agree with groups.members on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const members = async (tenant: TestTenant, groupId: string): Promise<string[]> => {
    const page = await tenant.caller.groups.members({ groupId, limit: 1000 });
    return page.conversations.map((conversation) => conversation.id).sort();
  };

  test.each([11, 29, 47])('seed %i', async (seed) => {
    const tenant = await api.newTenant(`Groups ${seed}`);
    const { caller } = tenant;
    const rng = random(seed);
    await caller.trackers.create({ name: 'Refund requests', vocabulary: ['refund'] });
    const groups = new Map<string, string>();
    for (const [name, criteria] of Object.entries(criteriaOf)) {
      groups.set(name, (await caller.groups.create({ name, criteria })).group.id);
    }
    const start = Number(
      (await api.db.prisma.eventSequence.findUnique({ where: { organizationId: tenant.organization.id } }))
        ?.lastSequence,
    );
    // What a subscriber does on group.updated: read the members again (README, "Events").
    const resync = new Map<number, { groupId: string; members: string[] }>();

    const ids: string[] = [];
    const open = () => ids.filter((id) => !closed.has(id));
    const closed = new Set<string>();
    for (let step = 0; step < 60; step++) {
      const action = rng.next();
      const id = open().length > 0 ? rng.pick(open()) : undefined;
      if (action < 0.2 || !id) {
        const created = await caller.conversations.create({
          topic: rng.pick(['billing question', 'shipping', null]),
          priority: rng.pick(['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const),
          tags: rng.next() < 0.3 ? ['vip'] : [],
        });
        ids.push(created.id);
      } else if (action < 0.35) {
        await caller.conversations.patch({
          conversationId: id,
          priority: rng.pick(['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const),
          topic: rng.pick(['billing dispute', 'other', null]),
        });
      } else if (action < 0.45) {
        await caller.conversations.setStatus({
          conversationId: id,
          status: rng.pick(['OPEN', 'WAITING', 'SOLVED'] as const),
        });
      } else if (action < 0.55) {
        await caller.tags.addToConversation({ conversationId: id, tagName: 'vip' });
      } else if (action < 0.62) {
        await caller.tags
          .removeFromConversation({ conversationId: id, tagName: 'vip' })
          .catch(() => undefined);
      } else if (action < 0.72) {
        await caller.conversations.replaceMetadata({
          conversationId: id,
          metadata: { tier: rng.pick(['gold', 'silver']) },
        });
      } else if (action < 0.82) {
        await caller.messages.create({
          conversationId: id,
          from: 'customer',
          text: rng.pick(['I want a refund', 'hello']),
        });
      } else if (action < 0.87) {
        await caller.conversations.unassign({ conversationId: id }).catch(() => undefined);
      } else if (action < 0.92) {
        await caller.conversations.setStatus({ conversationId: id, status: 'CLOSED' });
        closed.add(id);
      } else if (action < 0.95) {
        await caller.tags.delete({ tagName: 'vip' }).catch(() => undefined);
      } else {
        await caller.conversations.route({ conversationId: id }).catch(() => undefined);
      }
      if (step === 30) {
        // Another process's cache would still hold the old criteria: the version check must catch it.
        const groupId = groups.get('unassigned') as string;
        await caller.groups.update({ groupId, name: 'unassigned', criteria: 'status==WAITING,tags==vip' });
        const last = await api.db.prisma.eventSequence.findUnique({
          where: { organizationId: tenant.organization.id },
        });
        resync.set(Number(last?.lastSequence), { groupId, members: await members(tenant, groupId) });
      }
    }

    const belief = new Map<string, Set<string>>([...groups.values()].map((groupId) => [groupId, new Set()]));
    const log = await caller.events.list({ after: start, limit: 1000 });
    expect(log.hasMore).toBe(false);
    for (const event of log.events) {
      const data = event.data as { group?: { id: string }; conversation?: { id: string } };
      const set = data.group ? belief.get(data.group.id) : undefined;
      if (event.type === 'group.entered') set?.add(data.conversation?.id as string);
      if (event.type === 'group.left') set?.delete(data.conversation?.id as string);
      const resynced = resync.get(event.sequence);
      if (event.type === 'group.updated' && resynced) belief.set(resynced.groupId, new Set(resynced.members));
    }
    for (const [name, groupId] of groups) {
      expect({ group: name, members: [...(belief.get(groupId) ?? [])].sort() }).toEqual({
        group: name,
        members: await members(tenant, groupId),
      });
    }
    expect(log.events.filter((e) => e.type === 'group.entered').length).toBeGreaterThan(10);
  });

  test('a group changed by another process is judged with its new criteria on the next change here', async () => {
    const tenant = await api.newTenant('Stale cache');
    const { caller } = tenant;
    const { group } = await caller.groups.create({ name: 'Watched', criteria: 'priority==HIGH' });
    const conversation = await caller.conversations.create({ topic: 'warm the cache', priority: 'LOW' });
    // Another API process edits the group: its own statement bumps the organization's group
    // version under the event lock; this process's cached criteria are now stale.
    await api.db.prisma.$transaction(async (tx) => {
      await tx.conversationGroup.update({ where: { id: group.id }, data: { criteria: 'priority==URGENT' } });
      await tx.$executeRaw`UPDATE "EventSequence" SET "lastSequence" = "lastSequence" + 1,
        "lastGroupChangeSequence" = "lastSequence" + 1 WHERE "organizationId" = ${tenant.organization.id}`;
    });
    const before = await caller.events.list({ after: 0, limit: 1000 });
    await caller.conversations.patch({ conversationId: conversation.id, priority: 'URGENT' });
    const after = await caller.events.list({ after: before.next, limit: 1000 });
    expect(after.events.map((event) => event.type)).toEqual(['conversation.updated', 'group.entered']);
    expect(after.events.map((event) => event.sequence)).toEqual([before.next + 2, before.next + 3]);
  });

  // A create's last statement commits its transaction (runCommittingWrite), so it cannot judge
  // again under the lock: it fails, nothing is written, and the create runs once more.
  test('a conversation created after another process changed a group is judged with its new criteria', async () => {
    const tenant = await api.newTenant('Stale cache on create');
    const { caller } = tenant;
    const { group } = await caller.groups.create({ name: 'Watched', criteria: 'priority==HIGH' });
    await caller.conversations.create({ topic: 'warm the cache', priority: 'LOW' });
    await api.db.prisma.$transaction(async (tx) => {
      await tx.conversationGroup.update({ where: { id: group.id }, data: { criteria: 'priority==URGENT' } });
      await tx.$executeRaw`UPDATE "EventSequence" SET "lastSequence" = "lastSequence" + 1,
        "lastGroupChangeSequence" = "lastSequence" + 1 WHERE "organizationId" = ${tenant.organization.id}`;
    });
    const before = await caller.events.list({ after: 0, limit: 1000 });
    const created = await caller.conversations.create({
      topic: 'judged with fresh groups',
      priority: 'URGENT',
    });
    const after = await caller.events.list({ after: before.next, limit: 1000 });
    // Routed on create (the default settings), and the group entered, judged with its new criteria.
    expect(after.events.map((event) => event.type)).toEqual([
      'conversation.created',
      'conversation.routed',
      'group.entered',
    ]);
    expect(after.events.map((event) => event.sequence)).toEqual([
      before.next + 2,
      before.next + 3,
      before.next + 4,
    ]);
    expect(after.events[2]?.data).toMatchObject({
      group: { id: group.id },
      conversation: { id: created.id },
    });
    const conversations = await api.db.prisma.conversation.count({
      where: { organizationId: tenant.organization.id },
    });
    expect(conversations).toBe(2);
  });
});
