import { byDrainOrder, type Priority } from '@switchboard/core';
import { type Database, openDatabase } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sizes } from './hardening/support/sizes';
import { type ApiProcess, startApiProcess } from './support/api-process';
import { expectRoutingInvariants } from './support/concurrency/invariants';
import { send } from './support/test-api';

const KEY = 'drain-processes-bootstrap-key-0123456789';
const processCount = 3;
const agentCount = 6;
// Conversations left waiting once every agent is full: the least urgent and newest of them.
const leftOver = 100;
const priorities: Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

// Several API processes on one server: PostgreSQL only (PGlite belongs to one process).
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'a full queue drained by several API processes on one %s',
  () => {
    let databaseUrl: string | undefined;
    let db: Database | undefined;
    const processes: ApiProcess[] = [];

    beforeAll(async () => {
      databaseUrl = await createPostgresDatabase();
      const env = {
        DATABASE_URL: databaseUrl,
        BOOTSTRAP_API_KEY: KEY,
        RATE_LIMIT_PER_MINUTE: '1000000',
        DATABASE_POOL_SIZE: '4',
        LOG_LEVEL: 'warn',
        // The sweep stays out of the way: the requests themselves must drain everything.
        SCHEDULED_JOBS_INTERVAL_MS: '86400000',
      };
      processes.push(await startApiProcess(env));
      const rest = await Promise.all(Array.from({ length: processCount - 1 }, () => startApiProcess(env)));
      processes.push(...rest);
      db = await openDatabase({ databaseUrl, poolSize: 4 });
    }, 240_000);

    afterAll(async () => {
      await Promise.all(processes.map((api) => api.stop()));
      await db?.close();
      if (databaseUrl) await dropPostgresDatabase(databaseUrl);
    }, 60_000);

    const call = (index: number, method: string, path: string, body?: unknown) =>
      send(`${processes[index % processes.length]?.url}${path}`, {
        method,
        headers: { 'x-api-key': KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const ok = async (response: ReturnType<typeof call>) => {
      const res = await response;
      if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };

    test(`${sizes.drainConversations} waiting conversations drain completely when capacity is raised through every process at once`, async () => {
      const prisma = (db as Database).prisma;
      const queue = await ok(
        call(0, 'POST', '/ccaas/1/queues', { name: 'Full', isAutoAssignmentEnabled: true }),
      );
      const agents: { id: string; capacity: number }[] = [];
      for (let i = 0; i < agentCount; i++) {
        agents.push(
          await ok(call(0, 'POST', '/ccaas/1/agents', { name: `A${i}`, status: 'ONLINE', capacity: 0 })),
        );
      }
      await ok(call(0, 'PUT', `/ccaas/1/queues/${queue.id}/agents`, { agentIds: agents.map((a) => a.id) }));
      const organization = await prisma.organization.findFirstOrThrow();
      const workspace = await prisma.workspace.findFirstOrThrow({ where: { isDefault: true } });
      const start = Date.now() - sizes.drainConversations * 1000;
      const seeds = Array.from({ length: sizes.drainConversations }, (_, i) => ({
        organizationId: organization.id,
        workspaceId: workspace.id,
        queueId: queue.id as string,
        priority: priorities[(i * 7) % 4] as Priority,
        createdAt: new Date(start + i * 1000),
      }));
      for (let i = 0; i < seeds.length; i += 1000) {
        await prisma.conversation.createMany({ data: seeds.slice(i, i + 1000) });
      }

      // Every agent's capacity raised in two steps, the requests spread over the processes and sent
      // all at once: each request drains, and all of them compete for the same queue.
      const total = sizes.drainConversations - leftOver;
      const finalCapacity = agents.map(
        (_, i) => Math.floor(total / agentCount) + (i < total % agentCount ? 1 : 0),
      );
      const startedAt = Date.now();
      for (const step of [0.5, 1]) {
        const responses = await Promise.all(
          agents.map((agent, i) =>
            call(i, 'PUT', `/ccaas/1/agents/${agent.id}`, {
              capacity: Math.round((finalCapacity[i] ?? 0) * step),
            }),
          ),
        );
        expect(responses.map((res) => res.status)).toEqual(agents.map(() => 200));
      }
      const elapsed = Date.now() - startedAt;
      console.info(`[drain] ${total} assignments by ${processCount} processes in ${elapsed} ms`);

      const withCapacity = agents.map((agent, i) => ({ id: agent.id, capacity: finalCapacity[i] ?? 0 }));
      const conversations = await expectRoutingInvariants(prisma, organization.id, withCapacity, () => false);
      const assigned = conversations.filter((c) => c.agentId !== null);
      expect(assigned).toHaveLength(total);
      // Exactly one assignment each, by Switchboard, naming the agent it holds.
      const audits = await prisma.auditEvent.findMany({
        where: { organizationId: organization.id, action: 'conversation.assign' },
        select: { entityId: true, actorType: true, after: true },
      });
      expect(audits).toHaveLength(total);
      const agentOf = new Map(conversations.map((c) => [c.id, c.agentId]));
      for (const audit of audits) {
        expect(audit.actorType).toBe('SYSTEM');
        expect((audit.after as { agentId: string }).agentId).toBe(agentOf.get(audit.entityId));
      }
      expect(
        await prisma.event.count({
          where: { organizationId: organization.id, type: 'conversation.assigned' },
        }),
      ).toBe(total);
      // The ones still waiting are the least urgent and newest: nobody was skipped.
      const order = [...conversations].sort(byDrainOrder).map((c) => c.agentId !== null);
      expect(order.indexOf(false)).toBe(total);
      expect(order.slice(total).every((isAssigned) => !isAssigned)).toBe(true);
    }, 240_000);
  },
);
