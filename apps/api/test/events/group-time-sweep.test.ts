import { parseCriteria } from '@switchboard/core';
import { compileCriteriaToSql, Prisma } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupTimeSweep } from '../../src/jobs/group-time-sweep';
import { startScheduler } from '../../src/jobs/scheduler';
import { createLogger } from '../../src/logger';
import { insertConversation } from '../support/concurrency/fixtures';
import { startTestApi, type TestApi, type TestTenant } from '../support/test-api';

const minutes = (n: number) => n * 60_000;

interface MembershipEvent {
  type: string;
  sequence: number;
  actor: { type: string; id: string };
  data: { group: { id: string; name: string }; conversation: { id: string } };
}

/**
 * The time sweep (src/jobs/group-time-sweep.ts): group enter/leave caused by the passage of time
 * alone, driven here by the clock the scheduler hands each run (the job's `now`).
 */
describe.each(testDatabaseKinds())('group enter / leave by the passage of time on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());
  const job = groupTimeSweep(60_000, createLogger('silent'));

  const lastSequence = async (tenant: TestTenant) =>
    Number(
      (await api.db.prisma.eventSequence.findUnique({ where: { organizationId: tenant.organization.id } }))
        ?.lastSequence ?? 0,
    );
  const membershipSince = async (tenant: TestTenant, after: number) => {
    const log = await tenant.caller.events.list({ after, limit: 1000 });
    return (log.events as unknown as MembershipEvent[]).filter((e) => e.type.startsWith('group.'));
  };
  const brief = (events: MembershipEvent[], names: Map<string, string>) =>
    events.map((e) => `${e.type} ${e.data.group.name} ${names.get(e.data.conversation.id)}`);
  const createdAt = async (id: string, at: number) => {
    await api.db.prisma.conversation.update({ where: { id }, data: { createdAt: new Date(at) } });
  };

  test('conversations enter `createdAt<now-1h` and leave `createdAt>now-1h` as they age, once each', async () => {
    const org = await api.newTenant('Ageing');
    const t = Date.now();
    const names = new Map<string, string>();
    for (const [name, minutesOld] of [
      ['a', 50],
      ['b', 20],
      ['c', 180],
    ] as const) {
      const id = await insertConversation(api.db.prisma, org, { topic: name });
      await createdAt(id, t - minutes(minutesOld));
      names.set(id, name);
    }
    const old = (await org.caller.groups.create({ name: 'old', criteria: 'createdAt<now-1h' })).group;
    await org.caller.groups.create({ name: 'recent', criteria: 'createdAt>now-1h' });
    const plain = (await org.caller.groups.create({ name: 'plain', criteria: 'status==OPEN' })).group;
    const plainClock = async () =>
      (await api.db.prisma.conversationGroup.findUniqueOrThrow({ where: { id: plain.id } })).sweptThrough;
    const plainBefore = await plainClock();
    const start = await lastSequence(org);

    await job.run(api.db.prisma, new Date(t + 1000));
    expect(await membershipSince(org, start)).toEqual([]);

    await job.run(api.db.prisma, new Date(t + minutes(30)));
    const first = await membershipSince(org, start);
    // Groups are swept one after another in id order, so sorted here.
    expect(brief(first, names).sort()).toEqual(['group.entered old a', 'group.left recent a']);
    const a = [...names].find(([, name]) => name === 'a')?.[0] as string;
    // Shaped like the change-driven ones: the group, the conversation as it is, Switchboard's actor.
    const entered = first.find((event) => event.type === 'group.entered');
    expect(entered?.actor).toEqual({ type: 'SYSTEM', id: 'switchboard' });
    expect(entered?.data.group).toEqual({ id: old.id, name: 'old' });
    expect(entered?.data.conversation).toEqual(await org.caller.conversations.get({ conversationId: a }));

    // The same window again: nothing new.
    const afterFirst = await lastSequence(org);
    await job.run(api.db.prisma, new Date(t + minutes(30)));
    expect(await membershipSince(org, afterFirst)).toEqual([]);

    await job.run(api.db.prisma, new Date(t + minutes(120)));
    expect(brief(await membershipSince(org, afterFirst), names).sort()).toEqual([
      'group.entered old b',
      'group.left recent b',
    ]);
    // A group whose criteria do not read the clock is not swept at all.
    expect(await plainClock()).toEqual(plainBefore);
  });

  test('two sweeps of the same window at once write its events once', async () => {
    const org = await api.newTenant('Racing');
    const t = Date.now();
    const names = new Map<string, string>();
    for (const name of ['x', 'y', 'z']) {
      const id = await insertConversation(api.db.prisma, org, { topic: name });
      await createdAt(id, t - minutes(40));
      names.set(id, name);
    }
    await org.caller.groups.create({ name: 'old', criteria: 'createdAt<=now-PT1H' });
    const start = await lastSequence(org);
    const at = new Date(t + minutes(30));
    // On PostgreSQL each run holds its own pooled connection, so the two really race.
    await Promise.all([job.run(api.db.prisma, at), job.run(api.db.prisma, at)]);
    const events = await membershipSince(org, start);
    expect(brief(events, names).sort()).toEqual([
      'group.entered old x',
      'group.entered old y',
      'group.entered old z',
    ]);
  });

  test('a window bigger than the row cap is finished by the next runs, each conversation once', async () => {
    const org = await api.newTenant('Capped');
    const t = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await insertConversation(api.db.prisma, org, { topic: `c${i}` });
      await createdAt(id, t - minutes(45));
      ids.push(id);
    }
    const { group } = await org.caller.groups.create({ name: 'old', criteria: 'createdAt<now-1h' });
    const capped = groupTimeSweep(60_000, createLogger('silent'), { maxRowsPerGroup: 2 });
    const start = await lastSequence(org);
    const counts: number[] = [];
    for (const offset of [30, 31, 32, 33]) {
      const before = await lastSequence(org);
      await capped.run(api.db.prisma, new Date(t + minutes(offset)));
      counts.push((await membershipSince(org, before)).length);
    }
    expect(counts).toEqual([2, 2, 1, 0]);
    const entered = (await membershipSince(org, start)).map((e) => e.data.conversation.id);
    expect(entered.sort()).toEqual([...ids].sort());
    // The cut-short window was finished at its own end before the clock moved on.
    const stored = await api.db.prisma.conversationGroup.findUniqueOrThrow({ where: { id: group.id } });
    expect(stored.sweepCursor).toBeNull();
    expect(stored.sweptThrough).toEqual(new Date(t + minutes(33)));
  });

  test('while a capped window is unfinished, a change is judged at the clock its conversation is at', async () => {
    const org = await api.newTenant('Half swept');
    const t = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await insertConversation(api.db.prisma, org, { topic: `c${i}`, status: 'OPEN' });
      await createdAt(id, t - minutes(45));
      ids.push(id);
    }
    const { group } = await org.caller.groups.create({
      name: 'old',
      criteria: 'createdAt<now-1h;status!=SOLVED',
    });
    const capped = groupTimeSweep(60_000, createLogger('silent'), { maxRowsPerGroup: 2 });
    const start = await lastSequence(org);
    await capped.run(api.db.prisma, new Date(t + minutes(30)));
    const swept = (await membershipSince(org, start)).map((event) => event.data.conversation.id);
    expect(swept).toHaveLength(2);
    // Those two entered at t+30m and leave when solved; the other two are not in the group yet at
    // the clock they are at, so solving them announces nothing, and finishing the window neither.
    const afterSweep = await lastSequence(org);
    for (const id of ids) await org.caller.conversations.setStatus({ conversationId: id, status: 'SOLVED' });
    const left = await membershipSince(org, afterSweep);
    expect(left.map((event) => event.type)).toEqual(['group.left', 'group.left']);
    expect(left.map((event) => event.data.conversation.id).sort()).toEqual([...swept].sort());
    const afterChanges = await lastSequence(org);
    await capped.run(api.db.prisma, new Date(t + minutes(31)));
    await capped.run(api.db.prisma, new Date(t + minutes(32)));
    expect(await membershipSince(org, afterChanges)).toEqual([]);
    const stored = await api.db.prisma.conversationGroup.findUniqueOrThrow({ where: { id: group.id } });
    expect(stored.sweptThrough).toEqual(new Date(t + minutes(32)));
  });

  test('a change between sweeps is judged at the group clock, so the sweep neither repeats nor misses it', async () => {
    const org = await api.newTenant('Change then time');
    const t = Date.now();
    const waiting = await insertConversation(api.db.prisma, org, { topic: 'w', status: 'WAITING' });
    await createdAt(waiting, t - minutes(50));
    const open = await insertConversation(api.db.prisma, org, { topic: 'o', status: 'OPEN' });
    await createdAt(open, t - minutes(50));
    const names = new Map([
      [waiting, 'waiting'],
      [open, 'open'],
    ]);
    await org.caller.groups.create({ name: 'stale', criteria: 'status==OPEN;createdAt<now-1h' });
    const start = await lastSequence(org);
    await job.run(api.db.prisma, new Date(t + minutes(30)));
    expect(brief(await membershipSince(org, start), names)).toEqual(['group.entered stale open']);

    // Both are 80 minutes old at the group's clock: opening one enters it, closing the other leaves.
    const afterSweep = await lastSequence(org);
    await org.caller.conversations.setStatus({ conversationId: waiting, status: 'OPEN' });
    await org.caller.conversations.setStatus({ conversationId: open, status: 'SOLVED' });
    expect(brief(await membershipSince(org, afterSweep), names)).toEqual([
      'group.entered stale waiting',
      'group.left stale open',
    ]);
    const afterChanges = await lastSequence(org);
    await job.run(api.db.prisma, new Date(t + minutes(120)));
    expect(await membershipSince(org, afterChanges)).toEqual([]);
  });

  test('editing the criteria starts the window at the edit; renaming keeps it', async () => {
    const org = await api.newTenant('Edited');
    const t = Date.now();
    const id = await insertConversation(api.db.prisma, org, { topic: 'eighty minutes old' });
    await createdAt(id, t - minutes(80));
    const { group } = await org.caller.groups.create({ name: 'old', criteria: 'createdAt<now-2h' });
    // As if the last sweep had been half an hour ago.
    const halfHourAgo = new Date(t - minutes(30));
    await api.db.prisma.conversationGroup.update({
      where: { id: group.id },
      data: { sweptThrough: halfHourAgo },
    });
    await org.caller.groups.update({ groupId: group.id, name: 'older', criteria: 'createdAt<now-2h' });
    expect(
      (await api.db.prisma.conversationGroup.findUniqueOrThrow({ where: { id: group.id } })).sweptThrough,
    ).toEqual(halfHourAgo);

    // A member under the new criteria already when they are saved: the subscriber reads the members
    // on group.updated, so the sweep must not announce it (under the old clock it flipped at t-30m+…).
    await org.caller.groups.update({ groupId: group.id, name: 'older', criteria: 'createdAt<now-1h' });
    const members = await org.caller.groups.members({ groupId: group.id });
    expect(members.conversations.map((conversation) => conversation.id)).toEqual([id]);
    const start = await lastSequence(org);
    await job.run(api.db.prisma, new Date(Date.now() + minutes(1)));
    expect(await membershipSince(org, start)).toEqual([]);
  });

  test('under the durable scheduler, with the real clock, a conversation leaves `createdAt>now-PT1S` by itself', async () => {
    const org = await api.newTenant('Real clock');
    const { group } = await org.caller.groups.create({ name: 'just now', criteria: 'createdAt>now-PT1S' });
    const start = await lastSequence(org);
    const conversation = await org.caller.conversations.create({ topic: 'soon old' });
    const scheduler = startScheduler(api.db.prisma, [groupTimeSweep(200, createLogger('silent'))], {
      tickMs: 100,
      logger: createLogger('silent'),
    });
    try {
      const deadline = Date.now() + 15_000;
      let types: string[] = [];
      while (!types.includes('group.left') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        types = (await membershipSince(org, start)).map((event) => event.type);
      }
      expect(types).toEqual(['group.entered', 'group.left']);
      const left = (await membershipSince(org, start))[1];
      expect(left?.data).toMatchObject({ group: { id: group.id }, conversation: { id: conversation.id } });
    } finally {
      await scheduler.stop();
    }
  });

  test('with time advancing between changes, the events agree with the members at the sweep clock', async () => {
    const org = await api.newTenant('Agreement over time');
    const { caller } = org;
    const criteriaOf: Record<string, string> = {
      openAndOld: 'status==OPEN;createdAt<now-PT30M',
      fresh: 'createdAt>now-1h',
      quiet: 'updatedAt<now-PT20M',
      // closedAt is nullable: NOT over it in SQL must mean what it means in memory.
      closedLately: 'closedAt>=now-PT40M',
      stale: 'closedAt=out=(now-PT10M);priority==HIGH,updatedAt<now-P0DT50M',
    };
    const groups = new Map<string, string>();
    for (const [name, criteria] of Object.entries(criteriaOf)) {
      groups.set(name, (await caller.groups.create({ name, criteria })).group.id);
    }
    const start = await lastSequence(org);
    const ids: string[] = [];
    let clock = Date.now();
    const seedRandom = mulberry32(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(seedRandom() * items.length)] as T;
    for (let step = 0; step < 40; step++) {
      const action = seedRandom();
      const id = ids.length > 0 ? pick(ids) : undefined;
      if (action < 0.25 || !id) {
        ids.push(
          (await caller.conversations.create({ topic: `c${step}`, priority: pick(['LOW', 'HIGH']) })).id,
        );
      } else if (action < 0.5) {
        await caller.conversations.setStatus({
          conversationId: id,
          status: pick(['OPEN', 'WAITING', 'SOLVED', 'CLOSED'] as const),
        });
      } else if (action < 0.65) {
        await caller.conversations.patch({ conversationId: id, priority: pick(['LOW', 'HIGH'] as const) });
      } else {
        clock += minutes(pick([3, 7, 12, 25]));
        await job.run(api.db.prisma, new Date(clock));
      }
    }
    clock += minutes(15);
    await job.run(api.db.prisma, new Date(clock));

    const belief = new Map<string, Set<string>>([...groups.values()].map((groupId) => [groupId, new Set()]));
    const log = await caller.events.list({ after: start, limit: 1000 });
    expect(log.hasMore).toBe(false);
    for (const event of log.events as unknown as MembershipEvent[]) {
      const set = belief.get(event.data.group?.id);
      if (event.type === 'group.entered') {
        expect(set?.has(event.data.conversation.id)).toBe(false);
        set?.add(event.data.conversation.id);
      }
      if (event.type === 'group.left') {
        expect(set?.has(event.data.conversation.id)).toBe(true);
        set?.delete(event.data.conversation.id);
      }
    }
    for (const [name, groupId] of groups) {
      // groups.members' query (the same compiler) with the sweep's clock for `now`.
      const where = compileCriteriaToSql(parseCriteria(criteriaOf[name] as string), { now: new Date(clock) });
      const members = await api.db.prisma.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT c."id" FROM "Conversation" c
          WHERE c."organizationId" = ${org.organization.id} AND ${where} ORDER BY c."id"`,
      );
      expect({ group: name, members: [...(belief.get(groupId) ?? [])].sort() }).toEqual({
        group: name,
        members: members.map((row) => row.id).sort(),
      });
    }
    const types = log.events.map((event) => event.type);
    expect(types.filter((type) => type === 'group.left').length).toBeGreaterThan(3);
  });
});

/** A small deterministic PRNG, so a failing run can be replayed. */
function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
