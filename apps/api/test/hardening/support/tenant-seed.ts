import { randomBytes } from 'node:crypto';
import type { TestResponse, TestTenant } from '../../support/test-api';

/** One of everything an organization can own, created through its own API, for sweeps to aim at. */
export interface SeededTenant {
  /** A string only this tenant's data contains: finding it in another tenant's answer is a leak. */
  marker: string;
  organizationId: string;
  workspaceId: string;
  spaceId: string;
  /** OPEN, with tags, metadata, messages (detections, a Facebook comment), a queue and an agent. */
  conversationId: string;
  /** CLOSED: another tenant must get 404 for it, not the 409 of the CLOSED rule. */
  closedConversationId: string;
  /** Sharely group conversation, in the space. */
  spaceConversationId: string;
  queueId: string;
  agentId: string;
  tagName: string;
  groupId: string;
  groupName: string;
  entityId: string;
  entityType: string;
  entitySubType: string;
  trackerId: string;
  trackerName: string;
  roleId: string;
  customerRoleId: string;
  /** A second (non-owner) API key and the secret shown once at its creation. */
  apiKeyId: string;
  apiKeySecret: string;
  /** An access token made from the owner key. */
  accessToken: string;
  /** A webhook subscription (to a public address; nothing is delivered in the sweeps). */
  webhookId: string;
  /** One of the tenant's events (conversation.created), as a pending delivery of that webhook names it. */
  eventId: string;
  /** Working hours (Infobip's calendar) with one holiday. */
  workingHoursId: string;
  holidayId: string;
  /** The routing rule into the queue. */
  routeId: string;
  /** A note (an internal message) on the conversation, written by the agent. */
  noteId: string;
}

// biome-ignore lint/suspicious/noExplicitAny: seed answers are arbitrary JSON, read field by field
async function ok(label: string, response: Promise<TestResponse>): Promise<any> {
  const res = await response;
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`seeding failed at ${label}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export async function seedTenant(tenant: TestTenant): Promise<SeededTenant> {
  const marker = `hx${randomBytes(5).toString('hex')}`;
  const seedingStarted = new Date().toISOString();
  const call = (label: string, method: string, path: string, body?: unknown) =>
    ok(label, tenant.request(method, path, body));

  const workspace = await call('workspace', 'POST', '/v1/workspaces', { name: `Workspace ${marker}` });
  const space = await call('space', 'POST', `/v1/workspaces/${workspace.id}/spaces`, {
    name: `Space ${marker}`,
  });
  const spaceConversation = await call(
    'group conversation',
    'POST',
    `/v1/workspaces/${workspace.id}/spaces/${space.id}/group`,
    { name: `Group chat ${marker}` },
  );
  const queue = await call('queue', 'POST', '/ccaas/1/queues', {
    name: `Queue ${marker}`,
    isAutoAssignmentEnabled: true,
  });
  const agent = await call('agent', 'POST', '/ccaas/1/agents', {
    name: `Agent ${marker}`,
    email: `${marker}@example.com`,
    slackUserId: `U${marker.toUpperCase()}`,
    status: 'ACTIVE',
    capacity: 10,
  });
  await call('queue members', 'PUT', `/ccaas/1/queues/${queue.id}/agents`, { agentIds: [agent.id] });
  const tagName = `vip-${marker}`;
  const routing = await call('routing', 'PUT', '/ccaas/1/routing', {
    routes: [{ name: `Route ${marker}`, queueId: queue.id, criteria: `tags==${tagName}` }],
  });
  const trackerName = `Tracker ${marker}`;
  const tracker = await call('tracker', 'POST', '/v1/manage/tracker', {
    name: trackerName,
    vocabulary: ['refund please'],
  });
  const entityType = `Product${marker}`;
  const entitySubType = `Widget${marker}`;
  const entity = await call('entity', 'POST', '/v1/manage/entity', {
    type: entityType,
    subType: entitySubType,
    values: ['gizmo'],
  });

  const conversation = await call('conversation', 'POST', '/ccaas/1/conversations', {
    topic: `Topic ${marker}`,
    summary: `Summary ${marker}`,
    priority: 'HIGH',
    channel: 'EMAIL',
    metadata: { marker, customerId: '42' },
    tags: [tagName, 'billing'],
  });
  const note = await call('note', 'POST', `/ccaas/1/conversations/${conversation.id}/notes`, {
    content: `Note ${marker}`,
    agentId: agent.id,
  });
  for (const text of [`refund please for my gizmo ${marker}`, `second message ${marker}`]) {
    await call('message', 'POST', `/ccaas/1/conversations/${conversation.id}/messages`, {
      from: `customer-${marker}`,
      text,
    });
  }
  // A Facebook comment, for related comments to read around (on a post only this tenant has).
  await call('comment', 'POST', `/ccaas/1/conversations/${conversation.id}/messages`, {
    from: `customer-${marker}`,
    to: 'page',
    channel: 'FACEBOOK_POST',
    contentType: 'TEXT',
    content: { text: `comment ${marker}` },
    direction: 'INBOUND',
    socialContext: { postId: `post-${marker}`, username: `customer-${marker}` },
  });
  await call('assign', 'PUT', `/ccaas/1/conversations/${conversation.id}/assignee`, { agentId: agent.id });

  const closed = await call('closed conversation', 'POST', '/ccaas/1/conversations', {
    topic: `Closed ${marker}`,
    metadata: { marker },
    tags: [tagName],
  });
  await call('close', 'PATCH', `/ccaas/1/conversations/${closed.id}`, { status: 'CLOSED' });

  const groupName = `Group ${marker}`;
  const group = await call('group', 'POST', '/v1/manage/group', {
    name: groupName,
    description: `Description ${marker}`,
    criteria: `tags==${tagName}`,
  });
  const apiKey = await call('api key', 'POST', '/v1/api-keys', { name: `Key ${marker}` });
  const token = await call('token', 'POST', `/workspaces/${workspace.id}/generate-access-key-token`, {});
  const customerRoleId = `role-${marker}`;
  const role = await call('role', 'POST', `/v1/workspaces/${workspace.id}/role`, {
    name: `Role ${marker}`,
    customerRoleId,
  });
  const workingHours = await call('working hours', 'POST', '/ccaas/1/working-hours', {
    name: `Hours ${marker}`,
    timezone: 'Europe/Zagreb',
    message: `Away ${marker}`,
    workWeek: Object.fromEntries(
      ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => [
        day,
        { startTime: 540, endTime: 1020, enabled: true },
      ]),
    ),
    holidays: [{ name: `Holiday ${marker}`, startDate: '2026-12-25', endDate: '2026-12-26' }],
  });
  await call('settings', 'PATCH', '/v1/manage/settings', [
    { op: 'replace', path: '/pagination/defaultPageSize', value: 15 },
  ]);

  // Created after the changes, so a replay from the start of seeding makes deliveries that name
  // the tenant's events (no dispatcher runs in the sweeps: they stay pending).
  const webhook = await call('webhook', 'POST', '/v1/webhooks', {
    url: `https://93.184.216.34/hooks/${marker}`,
    events: ['conversation.created'],
    description: `Webhook ${marker}`,
  });
  await call('replay', 'POST', `/v1/webhooks/${webhook.id}/replay`, { since: seedingStarted });
  const deliveries = await call('deliveries', 'GET', `/v1/webhooks/${webhook.id}/deliveries`);

  return {
    marker,
    organizationId: tenant.organization.id,
    workspaceId: workspace.id,
    spaceId: space.id,
    conversationId: conversation.id,
    closedConversationId: closed.id,
    spaceConversationId: spaceConversation.id,
    queueId: queue.id,
    agentId: agent.id,
    tagName,
    groupId: group.group.id,
    groupName,
    entityId: entity.id ?? entity.entity?.id,
    entityType,
    entitySubType,
    trackerId: tracker.id ?? tracker.tracker?.id,
    trackerName,
    roleId: role.role.id,
    customerRoleId,
    apiKeyId: apiKey.id,
    apiKeySecret: apiKey.key,
    accessToken: token.token,
    webhookId: webhook.id,
    eventId: deliveries.deliveries[0].eventId,
    workingHoursId: workingHours.id,
    holidayId: workingHours.holidays[0].id,
    routeId: routing.routes[0].id,
    noteId: note.id,
  };
}

/** Every id of the seeded objects, for "does this answer contain the tenant's data" checks. */
export function seededIds(seed: SeededTenant): string[] {
  return [
    seed.organizationId,
    seed.workspaceId,
    seed.spaceId,
    seed.conversationId,
    seed.closedConversationId,
    seed.spaceConversationId,
    seed.queueId,
    seed.agentId,
    seed.groupId,
    seed.entityId,
    seed.trackerId,
    seed.roleId,
    seed.apiKeyId,
    seed.webhookId,
    seed.eventId,
    seed.workingHoursId,
    seed.holidayId,
    seed.routeId,
    seed.noteId,
  ];
}
