import { testDatabaseKinds } from '@switchboard/db/testing';
import { describe, expect, test } from 'vitest';
import type { ApiProcess } from './support/api-process';
import { useRestartSuite } from './support/restart-suite';

const KEY = 'availability-jobs-bootstrap-key-0123456789';
const allDay = { startTime: 0, endTime: 1440, enabled: true };

// A restart needs a database that outlives the process: a PostgreSQL server (support/restart-suite).
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'unavailable agents and working hours, scheduled by the API process, across a restart on %s',
  () => {
    const suite = useRestartSuite(KEY);

    test('work that became due while no process ran is done by the next one', async () => {
      const call = async (api: ApiProcess, method: string, path: string, body?: unknown) => {
        const res = await suite.call(api, method, path, body);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body;
      };
      const first = await suite.start();
      const support = await call(first, 'POST', '/ccaas/1/queues', {
        name: 'Support',
        isAutoAssignmentEnabled: true,
      });
      const chat = await call(first, 'POST', '/ccaas/1/queues', {
        name: 'Chat',
        isAutoAssignmentEnabled: true,
      });
      const ann = await call(first, 'POST', '/ccaas/1/agents', { name: 'Ann', status: 'ACTIVE' });
      const bob = await call(first, 'POST', '/ccaas/1/agents', { name: 'Bob', status: 'ACTIVE' });
      await call(first, 'POST', `/ccaas/1/queues/${support.id}/agents`, { agentId: ann.id });
      await call(first, 'POST', `/ccaas/1/queues/${support.id}/agents`, { agentId: bob.id });
      await call(first, 'PATCH', '/v1/manage/settings', [
        { op: 'replace', path: '/routing/defaultQueueId', value: support.id },
        { op: 'replace', path: '/routing/unavailableAgent/graceMinutes', value: 30 },
      ]);
      const held = await call(first, 'POST', '/ccaas/1/conversations', { topic: 'Refund' });
      await call(first, 'PUT', `/ccaas/1/conversations/${held.id}/assignee`, { agentId: ann.id });
      await call(first, 'PUT', `/ccaas/1/agents/${ann.id}/status`, { status: 'AWAY' });
      // A WhatsApp rule for working hours only, and a WhatsApp conversation waiting unqueued (as
      // one that arrived out of hours does); there is no calendar yet, so nothing opens.
      await call(first, 'PUT', '/ccaas/1/routing', [
        {
          name: 'WhatsApp in hours',
          queueId: chat.id,
          routeOnlyDuringWorkingHours: true,
          expression: { $eq: { 'message.channel': 'WHATSAPP' } },
        },
      ]);
      const { prisma } = suite;
      const whatsapp = await prisma.conversation.create({
        data: {
          organizationId: (await prisma.organization.findFirstOrThrow()).id,
          workspaceId: (await prisma.workspace.findFirstOrThrow({ where: { isDefault: true } })).id,
          channel: 'WHATSAPP',
        },
      });
      // Within grace: the running process leaves Ann's conversation alone.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await prisma.conversation.findUniqueOrThrow({ where: { id: held.id } })).agentId).toBe(ann.id);
      await suite.stop(first);

      // While no process runs, Ann has been away for an hour and the office opened.
      await prisma.agent.update({
        where: { id: ann.id },
        data: { unavailableSince: new Date(Date.now() - 3_600_000) },
      });
      await prisma.workingHours.create({
        data: {
          organizationId: whatsapp.organizationId,
          name: 'Always',
          timezone: 'Europe/Zagreb',
          message: 'Closed',
          isDefault: true,
          workWeek: Object.fromEntries(
            ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => [
              day,
              [allDay],
            ]),
          ),
        },
      });
      await suite.start();
      const deadline = Date.now() + 20_000;
      const state = async () => ({
        held: (await prisma.conversation.findUniqueOrThrow({ where: { id: held.id } })).agentId,
        whatsapp: (await prisma.conversation.findUniqueOrThrow({ where: { id: whatsapp.id } })).queueId,
      });
      let now = await state();
      while ((now.held !== bob.id || now.whatsapp !== chat.id) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        now = await state();
      }
      expect(now).toEqual({ held: bob.id, whatsapp: chat.id });
      expect(
        await prisma.event.count({ where: { conversationId: held.id, type: 'conversation.unassigned' } }),
      ).toBe(1);
    }, 120_000);
  },
);
