import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('agents on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('create with defaults, get, and the Infobip spellings (displayName, ACTIVE)', async () => {
    const created = await api.a.request('POST', '/ccaas/1/agents', { name: 'Angus Young' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Angus Young',
      displayName: 'Angus Young',
      email: null,
      slackUserId: null,
      status: 'INVISIBLE',
      availability: 'INVISIBLE',
      role: 'AGENT',
      enabled: true,
      capacity: 5,
      queueIds: [],
      lastAssignedAt: null,
      lastHeartbeatAt: null,
      // Created INVISIBLE: unavailable from its creation on.
      unavailableSince: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await api.a.request('GET', `/ccaas/1/agents/${created.body.id}`)).body).toEqual(created.body);

    const infobip = await api.a.request('POST', '/ccaas/1/agents', {
      displayName: 'Bon Scott',
      status: 'ACTIVE',
    });
    expect(infobip.body).toMatchObject({ name: 'Bon Scott', status: 'ACTIVE' });

    const supervisor = await api.a.request('POST', '/ccaas/1/agents', {
      displayName: 'Angus Young',
      status: 'ACTIVE',
      role: 'SUPERVISOR',
      enabled: true,
    });
    expect(supervisor.body).toMatchObject({
      status: 'ACTIVE',
      availability: 'ACTIVE',
      role: 'SUPERVISOR',
      enabled: true,
    });
    const disabled = await api.a.request('PUT', `/ccaas/1/agents/${supervisor.body.id}`, { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false, status: 'INVISIBLE' });
    const refused = await api.a.request('PUT', `/ccaas/1/agents/${supervisor.body.id}/status`, {
      status: 'ACTIVE',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.requestError.serviceException.validationErrors).toHaveProperty('status');
    const beat = await api.a.request('PUT', `/ccaas/1/agents/${supervisor.body.id}/heartbeat`);
    expect(beat.body).toEqual({ statusCode: 'SUCCESS', message: 'Heartbeat received.' });

    const nameless = await api.a.request('POST', '/ccaas/1/agents', { email: 'x@example.com' });
    expect(nameless.status).toBe(400);
    expect(nameless.body.requestError.serviceException.details).toMatchObject({ field: 'name' });
  });

  test('capacity must be 0…1000 and email an address (400 naming the field, nothing stored)', async () => {
    const before = await api.db.prisma.agent.count();
    for (const [body, field] of [
      [{ name: 'x', capacity: -1 }, 'capacity'],
      [{ name: 'x', capacity: 1001 }, 'capacity'],
      [{ name: 'x', capacity: 1.5 }, 'capacity'],
      [{ name: 'x', email: 'not-an-email' }, 'email'],
      [{ name: 'x', status: 'SLEEPING' }, 'status'],
    ] as const) {
      const res = await api.a.request('POST', '/ccaas/1/agents', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.requestError.serviceException.details.field).toBe(field);
    }
    expect(await api.db.prisma.agent.count()).toBe(before);
    const zero = await api.a.caller.agents.create({ name: 'Trainee', capacity: 0 });
    expect(zero.capacity).toBe(0);
  });

  test('slackUserId is unique per organization: 409, and the Slack bot finds agents by it', async () => {
    const ann = await api.a.caller.agents.create({ name: 'Ann', slackUserId: 'U0ANN' });
    const dup = await api.a.request('POST', '/ccaas/1/agents', { name: 'Other Ann', slackUserId: 'U0ANN' });
    expect(dup.status).toBe(409);
    expect(dup.body.requestError.serviceException.details).toMatchObject({
      field: 'slackUserId',
      agentId: ann.id,
    });
    expect(await api.db.prisma.agent.count({ where: { slackUserId: 'U0ANN' } })).toBe(1);
    // Same Slack user id in another organization is another person's mapping.
    expect(
      (await api.b.request('POST', '/ccaas/1/agents', { name: 'B Ann', slackUserId: 'U0ANN' })).status,
    ).toBe(200);

    const found = await api.a.request('GET', '/ccaas/1/agents?slackUserId=U0ANN');
    expect(found.body.agents.map((a: { id: string }) => a.id)).toEqual([ann.id]);
    expect(found.body.pagination).toMatchObject({ totalItems: 1, page: 0 });

    const bob = await api.a.caller.agents.create({ name: 'Bob' });
    const taken = await api.a.request('PUT', `/ccaas/1/agents/${bob.id}`, { slackUserId: 'U0ANN' });
    expect(taken.status).toBe(409);
  });

  test('setStatus and update; the status filter; null clears optional fields', async () => {
    const org = await api.newTenant('Status org');
    const cy = await org.caller.agents.create({ name: 'Cy', email: 'cy@example.com', slackUserId: 'U0CY' });
    const online = await org.request('PUT', `/ccaas/1/agents/${cy.id}/status`, { status: 'ACTIVE' });
    expect(online.status).toBe(200);
    expect(online.body.status).toBe('ACTIVE');
    await org.caller.agents.create({ name: 'Dee' });

    const onlineOnly = await org.request('GET', '/ccaas/1/agents?status=ACTIVE');
    expect(onlineOnly.body.agents.map((a: { name: string }) => a.name)).toEqual(['Cy']);

    const updated = await org.client.agents.update.mutate({ agentId: cy.id, capacity: 2, email: null });
    expect(updated).toMatchObject({
      name: 'Cy',
      capacity: 2,
      email: null,
      slackUserId: 'U0CY',
      status: 'ACTIVE',
    });
    const events = await api.db.prisma.auditEvent.findMany({
      where: { entityId: cy.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((event) => event.action)).toEqual(['agent.create', 'agent.status', 'agent.update']);
    expect(events[2]?.before).toMatchObject({ capacity: 5, email: 'cy@example.com' });
  });

  test("GET /ccaas/1/agents takes Infobip's filters, each a database filter of the caller's agents", async () => {
    const org = await api.newTenant('Agent filters');
    const names = (res: { status: number; body: { agents: { name: string }[] } }) => {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.agents.map((agent) => agent.name).sort();
    };
    const get = (query: string) => org.request('GET', `/ccaas/1/agents?${query}`);
    const ann = await org.caller.agents.create({ name: 'Ann', email: 'Ann@Example.com', status: 'ACTIVE' });
    const bob = await org.caller.agents.create({ name: 'Bob', role: 'SUPERVISOR', status: 'BUSY' });
    const cy = await org.caller.agents.create({ name: 'Cy', enabled: false });
    const sales = await org.caller.queues.create({ name: 'Sales' });
    const help = await org.caller.queues.create({ name: 'Help' });
    await org.caller.queues.addAgent({ queueId: sales.id, agentId: ann.id });
    await org.caller.queues.addAgent({ queueId: help.id, agentId: bob.id });
    // Another tenant's look-alike never shows.
    const other = await api.b.caller.agents.create({
      name: 'Ann',
      email: 'ann@example.com',
      status: 'ACTIVE',
    });
    const old = new Date('2024-01-01T00:00:00.000Z');
    await api.db.prisma.agent.update({ where: { id: cy.id }, data: { createdAt: old, updatedAt: old } });

    // Arrays: repeated parameters or comma lists.
    expect(names(await get(`agentIds=${ann.id}&agentIds=${cy.id}&agentIds=${other.id}`))).toEqual([
      'Ann',
      'Cy',
    ]);
    expect(names(await get(`agentIds=${ann.id},${bob.id}`))).toEqual(['Ann', 'Bob']);
    expect(names(await get(`queueIds=${sales.id},${help.id}`))).toEqual(['Ann', 'Bob']);
    expect(names(await get(`queueIds=${help.id}`))).toEqual(['Bob']);
    // The whole address, in any case.
    expect(names(await get('email=ann%40example.com'))).toEqual(['Ann']);
    expect(names(await get('email=ann%40example'))).toEqual([]);
    // availability is the status the system routes by (only ACTIVE agents are given conversations).
    expect(names(await get('availability=BUSY'))).toEqual(['Bob']);
    expect(names(await get('availability=ACTIVE&status=BUSY'))).toEqual([]);
    expect(names(await get('role=SUPERVISOR'))).toEqual(['Bob']);
    expect(names(await get('enabled=false'))).toEqual(['Cy']);
    expect(names(await get('enabled=true'))).toEqual(['Ann', 'Bob']);
    // Dates as Infobip writes them (`+0000`, the `+` encoded or not) or ISO-8601.
    expect(names(await get('createdBefore=2025-01-01T00:00:00.000%2B0000'))).toEqual(['Cy']);
    expect(names(await get('createdAfter=2025-01-01T00:00:00.000+0000'))).toEqual(['Ann', 'Bob']);
    expect(names(await get('updatedAfter=2023-12-31T00:00:00Z&updatedBefore=2024-01-02T00:00:00Z'))).toEqual([
      'Cy',
    ]);
    expect(names(await get('updatedBefore=2023-12-31T00:00:00.000Z'))).toEqual([]);
    const paged = await get(`role=AGENT&limit=1&queueIds=${sales.id}`);
    expect(paged.body.pagination).toMatchObject({ totalItems: 1, limit: 1 });

    for (const [query, field] of [
      ['createdAfter=yesterday', 'createdAfter'],
      ['updatedBefore=2024-13-01T00:00:00Z', 'updatedBefore'],
      ['role=OWNER', 'role'],
      ['availability=ONLINE_NOW', 'availability'],
      ['enabled=maybe', 'enabled'],
      [`agentIds=${'x'.repeat(65)}`, 'agentIds.0'],
    ] as const) {
      const refused = await get(query);
      expect(refused.status, query).toBe(400);
      expect(JSON.stringify(refused.body.requestError.serviceException), query).toContain(field);
    }
  });

  test('a PUT racing a DELETE of the same agent is 200 or 404, never 500', async () => {
    const org = await api.newTenant('Agent races');
    const statuses = new Set<number>();
    for (let round = 0; round < 20; round++) {
      const created = await org.request('POST', '/ccaas/1/agents', { name: `Racer ${round}` });
      const path = `/ccaas/1/agents/${created.body.id}`;
      const answers = await Promise.all([
        org.request('PUT', path, {}),
        org.request('DELETE', path),
        org.request('PUT', path, { capacity: 3 }),
      ]);
      for (const answer of answers) statuses.add(answer.status);
    }
    expect([...statuses].filter((status) => status !== 200 && status !== 404)).toEqual([]);
  });

  test('delete unassigns the agent’s conversations (they keep their queue)', async () => {
    const queue = await api.a.caller.queues.create({ name: 'Agent delete' });
    const eve = await api.a.caller.agents.create({ name: 'Eve', status: 'ACTIVE' });
    const conversationId = await insertConversation(api.db.prisma, api.a, {
      queueId: queue.id,
      agentId: eve.id,
    });
    const res = await api.a.request('DELETE', `/ccaas/1/agents/${eve.id}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(eve.id);
    expect(
      await api.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } }),
    ).toMatchObject({
      agentId: null,
      queueId: queue.id,
      version: 2,
    });
    expect((await api.a.request('GET', `/ccaas/1/agents/${eve.id}`)).status).toBe(404);
  });

  test("another tenant's agent is 404 and unchanged", async () => {
    const agent = await api.a.caller.agents.create({ name: 'Guarded', capacity: 3 });
    for (const res of await Promise.all([
      api.b.request('GET', `/ccaas/1/agents/${agent.id}`),
      api.b.request('PUT', `/ccaas/1/agents/${agent.id}`, { capacity: 9 }),
      api.b.request('PUT', `/ccaas/1/agents/${agent.id}/status`, { status: 'ACTIVE' }),
      api.b.request('DELETE', `/ccaas/1/agents/${agent.id}`),
    ])) {
      expect(res.status).toBe(404);
    }
    expect((await api.b.caller.agents.list({})).agents.some((a) => a.id === agent.id)).toBe(false);
    expect(await api.a.caller.agents.get({ agentId: agent.id })).toMatchObject({
      capacity: 3,
      status: 'INVISIBLE',
    });
  });
});
