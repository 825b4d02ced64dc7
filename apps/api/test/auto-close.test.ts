import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { autoCloseSolved } from '../src/jobs/auto-close';
import { createLogger } from '../src/logger';
import { insertConversation } from './support/concurrency/fixtures';
import { useRestartSuite } from './support/restart-suite';
import { startTestApi, type TestApi } from './support/test-api';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe.each(testDatabaseKinds())('auto-close of SOLVED conversations on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());
  const job = autoCloseSolved(60_000, createLogger('silent'));

  test('a negative or zero time answers 400 naming the path; nothing is applied', async () => {
    for (const value of [-5, 0, 1.5, '60']) {
      const res = await api.a.request('PATCH', '/v1/manage/settings', [
        { op: 'replace', path: '/lifecycle/autoCloseSolvedAfterMinutes', value },
      ]);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('/lifecycle/autoCloseSolvedAfterMinutes');
    }
    expect((await api.a.request('GET', '/v1/manage/settings')).body.lifecycle).toEqual({
      autoCloseSolvedAfterMinutes: null,
    });
  });

  test('off by default: nothing closes', async () => {
    const org = await api.newTenant('Never closes');
    const id = await insertConversation(api.db.prisma, org, { status: 'SOLVED' });
    await api.db.prisma.conversation.update({ where: { id }, data: { updatedAt: hoursAgo(1000) } });
    await job.run(api.db.prisma, new Date());
    expect((await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } })).status).toBe('SOLVED');
  });

  test('SOLVED past the time closes, audited and evented by Switchboard, and its queue drains', async () => {
    const org = await api.newTenant('Closes');
    const queue = await org.caller.queues.create({ name: 'Q', isAutoAssignmentEnabled: true });
    const agent = await org.caller.agents.create({ name: 'Ann', status: 'ONLINE', capacity: 1 });
    await org.caller.queues.addAgent({ queueId: queue.id, agentId: agent.id });
    await org.caller.settings.patch({
      patch: [
        { op: 'replace', path: '/lifecycle/autoCloseSolvedAfterMinutes', value: 60 },
        { op: 'replace', path: '/routing/capacityStatuses', value: ['OPEN', 'SOLVED'] },
      ],
    });
    const old = await insertConversation(api.db.prisma, org, { queueId: queue.id, agentId: agent.id });
    await org.caller.conversations.setStatus({ conversationId: old, status: 'SOLVED' });
    const recent = await insertConversation(api.db.prisma, org, { status: 'SOLVED' });
    const waiting = await insertConversation(api.db.prisma, org, { queueId: queue.id });
    await api.db.prisma.conversation.update({ where: { id: old }, data: { updatedAt: hoursAgo(2) } });
    await api.db.prisma.conversation.update({ where: { id: recent }, data: { updatedAt: hoursAgo(0.5) } });

    await job.run(api.db.prisma, new Date());
    const closed = await api.db.prisma.conversation.findUniqueOrThrow({ where: { id: old } });
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: expect.any(Date) });
    expect((await api.db.prisma.conversation.findUniqueOrThrow({ where: { id: recent } })).status).toBe(
      'SOLVED',
    );
    const [event] = await api.db.prisma.event.findMany({
      where: { conversationId: old, type: 'conversation.closed' },
    });
    expect(event).toMatchObject({ actorType: 'SYSTEM', actorId: 'switchboard' });
    const audit = await api.db.prisma.auditEvent.findFirst({
      where: { entityId: old, action: 'conversation.status', actorType: 'SYSTEM' },
    });
    expect(audit?.after).toMatchObject({ status: 'CLOSED' });
    // SOLVED counted toward Ann's load; closed, it frees her for the conversation waiting.
    expect((await api.db.prisma.conversation.findUniqueOrThrow({ where: { id: waiting } })).agentId).toBe(
      agent.id,
    );

    // A second run finds nothing more to do and writes nothing.
    const events = await api.db.prisma.event.count({ where: { organizationId: org.organization.id } });
    await job.run(api.db.prisma, new Date());
    expect(await api.db.prisma.event.count({ where: { organizationId: org.organization.id } })).toBe(events);
  });
});

const KEY = 'auto-close-bootstrap-key-0123456789abcdef';

// A restart needs a database that outlives the process: a PostgreSQL server (support/restart-suite).
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'auto-close across a restart on %s',
  () => {
    const suite = useRestartSuite(KEY);

    test('a conversation that became due while no process ran is closed by the next one', async () => {
      const { call } = suite;
      const first = await suite.start();
      await call(first, 'PATCH', '/v1/manage/settings', [
        { op: 'replace', path: '/lifecycle/autoCloseSolvedAfterMinutes', value: 30 },
      ]);
      const created = await call(first, 'POST', '/ccaas/1/conversations', { topic: 'solved long ago' });
      const id = created.body.id as string;
      expect((await call(first, 'PATCH', `/ccaas/1/conversations/${id}`, { status: 'SOLVED' })).status).toBe(
        200,
      );
      await suite.stop(first);

      const { prisma } = suite;
      await prisma.conversation.update({ where: { id }, data: { updatedAt: hoursAgo(1) } });
      await suite.start();
      const deadline = Date.now() + 20_000;
      let status = 'SOLVED';
      while (status !== 'CLOSED' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = (await prisma.conversation.findUniqueOrThrow({ where: { id } })).status;
      }
      expect(status).toBe('CLOSED');
      expect(await prisma.event.count({ where: { conversationId: id, type: 'conversation.closed' } })).toBe(
        1,
      );
    }, 120_000);
  },
);
