import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventTypes } from '../../src/events/event-types';
import { callTrpc, sendRest, type TestResponse } from '../hardening/support/http';
import { type OpenApiDocument, restOperationsOf, trpcProcedures } from '../hardening/support/operations';
import { restSweepCalls, type SweepCall, sweepOrder, trpcSweepCalls } from '../hardening/support/sweep-plan';
import { type SeededTenant, seedTenant } from '../hardening/support/tenant-seed';
import { send, startTestApi, type TestApi } from '../support/test-api';
import { changedModels, dataFingerprint } from './support/data-fingerprint';
import { multiEventProcedures } from './support/sweep-expectations';

// Rows that record a change rather than make one: the audit log, the events themselves, their
// numbering, stored idempotent replies, webhook deliveries (a replay queues the same event again)
// and the Slack bot's delivery bookkeeping (claims of Slack retries, its place in the event log).
const bookkeeping = new Set([
  'AuditEvent',
  'Event',
  'EventSequence',
  'IdempotencyRecord',
  'WebhookDelivery',
  'SlackClaim',
  'SlackCursor',
  'SlackCard',
  'SlackWatch',
]);
const membership = new Set(['group.entered', 'group.left']);
// Called by hand in the second test, with input that makes each succeed.
const calledByHand = [
  'settings.patch',
  'queues.update',
  'agents.create',
  'agents.update',
  'queues.addAgent',
  'queues.setAgents',
  'conversations.patch',
  'conversations.setStatus',
  'conversations.assign',
  'conversations.unassign',
  'tags.removeFromConversation',
  'queues.delete',
  'groups.update',
  'groups.createMany',
  'entities.createWithId',
  'entities.update',
  'entities.createMany',
  'trackers.createMany',
  'trackers.update',
  'conversations.mergeMetadata',
  'workspaces.setRbacStatus',
  'spaces.renameGroup',
  'apiKeys.exchangeAppCredentials',
  'trackers.patch',
  'spaces.deleteGroup',
  'spaces.greeting',
  'spaces.postMessage',
  // A calendar needs a real time zone and seven valid days, which generated input does not make.
  'workingHours.create',
  'workingHours.update',
  'workingHours.addHoliday',
  'workingHours.removeHoliday',
];
// Mutations that are no change of the organization's data, so no event (README, "Events"): a
// replay sends the same event (same webhook-id) once more, and the Slack bot's own state (which
// channel watches which group, its cards, its claims on Slack retries, its place in the log).
const writesNoEvent = new Set([
  'webhooks.replay',
  'slack.watch',
  'slack.unwatch',
  'slack.disableChannel',
  'slack.claimCard',
  'slack.recordCard',
  'slack.markCard',
  'slack.claimOnce',
  'slack.advanceCursor',
]);
// Mutations whose event is the point and that change no data: a typing indicator.
const signalOnly = new Set(['conversationEvents.send']);
const known: ReadonlySet<string> = new Set(eventTypes);

/**
 * Every mutation of the router (tRPC) and of the OpenAPI document (REST), called by an
 * organization on its own objects, generated as the tenancy sweep generates its calls: a call that
 * changed the organization's data wrote events in its transaction, one per audited change (one
 * for most operations; see support/sweep-expectations.ts), each of a documented type; a call that
 * changed nothing, or failed, wrote none.
 */
describe.each(testDatabaseKinds())('every mutation path writes its events on %s', (kind) => {
  let api: TestApi;
  let a: SeededTenant;
  let calls: SweepCall[];

  beforeAll(async () => {
    api = await startTestApi(kind);
    a = await seedTenant(api.a);
    const document: OpenApiDocument = (await send(`${api.url}/openapi.json`, {})).body;
    const procedures = trpcProcedures();
    const subscriptions = new Set(procedures.filter((p) => p.type === 'subscription').map((p) => p.path));
    const own = (call: SweepCall) =>
      !call.query && !call.admin && !call.label.includes('[B+A.') && !subscriptions.has(call.procedurePath);
    calls = [
      ...trpcSweepCalls(procedures, a, a),
      ...restSweepCalls(document, restOperationsOf(document), procedures, a, a),
    ].filter(own);
    calls.sort((x, y) => sweepOrder(x) - sweepOrder(y));
  });
  afterAll(() => api.close());

  const perform = (call: SweepCall): Promise<TestResponse> => {
    const headers = { 'x-api-key': api.a.apiKey.key };
    if (call.transport === 'trpc') {
      return callTrpc(api.url, { path: call.procedurePath, type: 'mutation' }, call.input, headers);
    }
    return sendRest(api.url, {
      method: call.method ?? 'POST',
      url: call.url ?? '/',
      body: call.body,
      headers: call.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    });
  };
  const countOf = (where: object) =>
    api.db.prisma.event.count({ where: { organizationId: a.organizationId, ...where } });

  test('a change writes its events, a failure or a no-op writes none', async () => {
    const problems: string[] = [];
    const changedBy = new Set<string>();
    const fingerprint = () => dataFingerprint(api.db.prisma, a.organizationId, bookkeeping);
    const auditCount = () => api.db.prisma.auditEvent.count({ where: { organizationId: a.organizationId } });
    let before = await fingerprint();
    for (const call of calls) {
      const lastBefore = await api.db.prisma.eventSequence.findUnique({
        where: { organizationId: a.organizationId },
      });
      const auditsBefore = await auditCount();
      const res = await perform(call);
      const after = await fingerprint();
      const dataChanges = changedModels(before, after);
      before = after;
      const fresh = await api.db.prisma.event.findMany({
        where: { organizationId: a.organizationId, sequence: { gt: lastBefore?.lastSequence ?? 0n } },
        orderBy: { sequence: 'asc' },
      });
      const audits = (await auditCount()) - auditsBefore;
      const ofChange = fresh.filter((event) => !membership.has(event.type));
      const types = fresh.map((event) => event.type).join(', ');
      const key = call.procedurePath;
      if (res.status >= 500)
        problems.push(`${call.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      if (res.status >= 400 && fresh.length > 0)
        problems.push(`${call.label}: ${res.status} but wrote ${types}`);
      if (dataChanges.length === 0 && fresh.length > 0 && !signalOnly.has(key))
        problems.push(`${call.label}: changed nothing but wrote ${types}`);
      if (dataChanges.length > 0 && ofChange.length === 0)
        problems.push(`${call.label}: changed ${dataChanges.join(', ')}, wrote no event`);
      if (dataChanges.length > 0 && ofChange.length !== audits)
        problems.push(`${call.label}: ${audits} audit rows but events ${types}`);
      if (ofChange.length > 1 && !multiEventProcedures.includes(key))
        problems.push(`${call.label}: one change, several events: ${types}`);
      for (const event of fresh)
        if (!known.has(event.type)) problems.push(`${call.label}: undocumented type ${event.type}`);
      if (ofChange.length > 0) changedBy.add(key);
    }
    const mutations = new Set(calls.map((call) => call.procedurePath));
    // The generated inputs cannot make these succeed (a name already taken, the same values
    // again, a CLOSED conversation…); the next test calls each of them with input that does.
    const neverChanged = [...mutations].filter(
      (key) => !changedBy.has(key) && !calledByHand.includes(key) && !writesNoEvent.has(key),
    );
    console.log(
      `[events sweep ${kind}] ${calls.length} calls, ${changedBy.size} of ${mutations.size} mutations changed data`,
    );
    expect(problems).toEqual([]);
    expect(neverChanged).toEqual([]);
    expect(await countOf({ type: { notIn: [...known] } })).toBe(0);
  }, 600_000);

  test('each mutation the generated calls could not make succeed writes exactly one event of its type', async () => {
    const { client } = api.a;
    const seen: string[] = [];
    const expectOne = async (procedure: string, type: string, change: () => Promise<unknown>) => {
      const from = (
        await api.db.prisma.eventSequence.findUnique({ where: { organizationId: a.organizationId } })
      )?.lastSequence;
      await change();
      const written = await api.db.prisma.event.findMany({
        where: { organizationId: a.organizationId, sequence: { gt: from ?? 0n } },
        orderBy: { sequence: 'asc' },
      });
      // The seeded groups may see the conversation enter or leave: those events come beside it.
      const types = written.map((event) => event.type).filter((type) => !membership.has(type));
      expect({ procedure, types }).toEqual({ procedure, types: [type] });
      seen.push(procedure);
    };
    // Routing on create would add conversation.routed: switched off first.
    await expectOne('settings.patch', 'settings.updated', () =>
      client.settings.patch.mutate({
        patch: [{ op: 'replace', path: '/routing/autoRouteOnCreate', value: false }],
      }),
    );
    const queue = await client.queues.create.mutate({ name: 'Hand-made queue' });
    await expectOne('queues.update', 'queue.updated', () =>
      client.queues.update.mutate({ queueId: queue.id, name: 'Renamed queue' }),
    );
    let agentId = '';
    await expectOne('agents.create', 'agent.created', async () => {
      agentId = (
        await client.agents.create.mutate({ name: 'Hand-made agent', status: 'ACTIVE', capacity: 5 })
      ).id;
    });
    await expectOne('agents.update', 'agent.updated', () =>
      client.agents.update.mutate({ agentId, capacity: 6 }),
    );
    await expectOne('queues.addAgent', 'queue.updated', () =>
      client.queues.addAgent.mutate({ queueId: queue.id, agentId }),
    );
    await expectOne('queues.setAgents', 'queue.updated', () =>
      client.queues.setAgents.mutate({ queueId: queue.id, agentIds: [] }),
    );
    const conversation = await client.conversations.create.mutate({ topic: 'by hand', tags: ['x'] });
    const conversationId = conversation.id;
    await expectOne('conversations.patch', 'conversation.updated', () =>
      client.conversations.patch.mutate({ conversationId, topic: 'patched' }),
    );
    await expectOne('conversations.setStatus', 'conversation.status_changed', () =>
      client.conversations.setStatus.mutate({ conversationId, status: 'WAITING' }),
    );
    await expectOne('conversations.assign', 'conversation.assigned', () =>
      client.conversations.assign.mutate({ conversationId, agentId }),
    );
    await expectOne('conversations.unassign', 'conversation.unassigned', () =>
      client.conversations.unassign.mutate({ conversationId }),
    );
    await expectOne('tags.removeFromConversation', 'conversation.untagged', () =>
      client.tags.removeFromConversation.mutate({ conversationId, tagName: 'x' }),
    );
    await expectOne('queues.delete', 'queue.deleted', () =>
      client.queues.delete.mutate({ queueId: queue.id }),
    );
    const group = await client.groups.create.mutate({ name: 'Hand-made group', criteria: 'status==SOLVED' });
    await expectOne('groups.update', 'group.updated', () =>
      client.groups.update.mutate({
        groupId: group.group.id,
        name: 'Hand-made group',
        criteria: 'status==OPEN',
      }),
    );
    await expectOne('groups.createMany', 'group.created', () =>
      client.groups.createMany.mutate({ groups: [{ name: 'One of many', criteria: 'status==OPEN' }] }),
    );
    const entity = { type: 'Handmade', subType: 'Thing', values: ['gizmo'] };
    await expectOne('entities.createWithId', 'entity.created', () =>
      client.entities.createWithId.mutate({ ...entity, entityId: 'hand-made-entity' }),
    );
    await expectOne('entities.update', 'entity.updated', () =>
      client.entities.update.mutate({ ...entity, entityId: 'hand-made-entity', values: ['gizmo', 'widget'] }),
    );
    await expectOne('entities.createMany', 'entity.created', () =>
      client.entities.createMany.mutate({
        entities: [{ type: 'Handmade', subType: 'Other', values: ['doohickey'] }],
      }),
    );
    await expectOne('trackers.createMany', 'tracker.created', () =>
      client.trackers.createMany.mutate({
        trackers: [{ name: 'Hand-made tracker', vocabulary: ['please help'] }],
      }),
    );
    const tracker = (await client.trackers.list.query({})).trackers.find(
      (t) => t.name === 'Hand-made tracker',
    );
    await expectOne('trackers.update', 'tracker.updated', () =>
      client.trackers.update.mutate({
        trackerId: tracker?.id ?? '',
        name: 'Hand-made tracker',
        vocabulary: ['help me'],
      }),
    );
    await expectOne('trackers.patch', 'tracker.updated', () =>
      client.trackers.patch.mutate({
        trackerId: tracker?.id ?? '',
        operations: [{ op: 'add', path: '/vocabulary/-', value: 'help us' }],
      }),
    );
    await expectOne('conversations.mergeMetadata', 'conversation.metadata_changed', () =>
      client.conversations.mergeMetadata.mutate({ conversationId, metadata: { merged: 'yes' } }),
    );
    const [workspace] = (await client.workspaces.list.query({})).workspaces;
    await expectOne('workspaces.setRbacStatus', 'workspace.updated', () =>
      client.workspaces.setRbacStatus.mutate({ workspaceId: workspace?.id ?? '', rbacStatus: 'ACTIVE' }),
    );
    await client.workspaces.setRbacStatus.mutate({
      workspaceId: workspace?.id ?? '',
      rbacStatus: 'INACTIVE',
    });
    const space = await client.spaces.create.mutate({
      workspaceId: workspace?.id ?? '',
      name: 'Hand-made space',
    });
    const chat = await client.spaces.createGroup.mutate({
      workspaceId: workspace?.id ?? '',
      spaceId: space.id,
      name: 'Hand-made chat',
    });
    await expectOne('spaces.renameGroup', 'conversation.updated', () =>
      client.spaces.renameGroup.mutate({ spaceId: space.id, groupId: chat.id, name: 'Renamed chat' }),
    );
    await expectOne('apiKeys.exchangeAppCredentials', 'accessToken.created', () =>
      client.apiKeys.exchangeAppCredentials.mutate({
        type: 'application',
        appId: api.a.apiKey.id,
        appSecret: api.a.apiKey.key,
      }),
    );
    let greeted = '';
    await expectOne('spaces.greeting', 'conversation.created', async () => {
      greeted =
        (await client.spaces.greeting.mutate({ spaceId: space.id, saveMessage: true })).greeting.group?.id ??
        '';
    });
    await expectOne('spaces.postMessage', 'message.created', () =>
      client.spaces.postMessage.mutate({ spaceId: space.id, groupId: greeted, newMessage: 'Hello' }),
    );
    await expectOne('spaces.deleteGroup', 'conversation.deleted', () =>
      client.spaces.deleteGroup.mutate({ spaceId: space.id, groupId: chat.id }),
    );
    const day = { startTime: 540, endTime: 1020, enabled: true };
    const calendar = {
      name: 'Hand-made hours',
      timezone: 'America/New_York',
      message: 'Away',
      workWeek: {
        MONDAY: day,
        TUESDAY: day,
        WEDNESDAY: day,
        THURSDAY: day,
        FRIDAY: day,
        SATURDAY: day,
        SUNDAY: day,
      },
    };
    let hoursId = '';
    await expectOne('workingHours.create', 'workingHours.created', async () => {
      hoursId = (await client.workingHours.create.mutate(calendar)).id;
    });
    await expectOne('workingHours.update', 'workingHours.updated', () =>
      client.workingHours.update.mutate({ ...calendar, id: hoursId, name: 'Renamed hours' }),
    );
    let holidayId = '';
    await expectOne('workingHours.addHoliday', 'workingHours.updated', async () => {
      const hours = await client.workingHours.addHoliday.mutate({
        workingHoursId: hoursId,
        name: 'Day off',
        startDate: '2026-07-04',
      });
      holidayId = hours.holidays[0]?.id ?? '';
    });
    await expectOne('workingHours.removeHoliday', 'workingHours.updated', () =>
      client.workingHours.removeHoliday.mutate({ workingHoursId: hoursId, id: holidayId }),
    );
    expect(seen.sort()).toEqual([...calledByHand].sort());
  });
});
