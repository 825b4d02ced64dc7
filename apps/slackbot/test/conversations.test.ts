import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, startHarness } from './support/harness';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
const textOf = (blocks: any) => JSON.stringify(blocks);
// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
const buttonsOf = (blocks: any[]) =>
  blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
const button = (blocks: any[], label: string) => {
  const found = buttonsOf(blocks).find((b) => b.text.text === label);
  if (!found) throw new Error(`no "${label}" button in ${textOf(blocks)}`);
  return found;
};

describe.each(testDatabaseKinds())('/conv end to end on %s', (kind) => {
  let h: Harness;
  let billingQueueId: string;
  let alice: { id: string };
  let bob: { id: string };
  beforeAll(async () => {
    h = await startHarness(kind);
    const { caller } = h.api.a;
    billingQueueId = (await caller.queues.create({ name: 'Billing', isAutoAssignmentEnabled: true })).id;
    alice = await caller.agents.create({ name: 'Alice', slackUserId: 'U0ALICE', status: 'ACTIVE' });
    bob = await caller.agents.create({ name: 'Bob', slackUserId: 'U0BOB', status: 'ACTIVE' });
    await caller.queues.addAgent({ queueId: billingQueueId, agentId: alice.id });
    await caller.routing.set({
      routes: [{ name: 'Billing words', queueId: billingQueueId, criteria: 'tags==billing' }],
    });
  });
  afterAll(() => h.close());

  const conversation = (id: string) =>
    h.api.db.prisma.conversation.findUniqueOrThrow({
      where: { id },
      include: { tags: { include: { tag: true } } },
    });
  const auditOf = (id: string) =>
    h.api.db.prisma.auditEvent.findMany({
      where: { entityType: 'conversation', entityId: id },
      orderBy: { createdAt: 'asc' },
    });

  async function created(topic: string, extra = ''): Promise<string> {
    const reply = await h.command({ command: '/conv', text: `create "${topic}" ${extra}` });
    const id = buttonsOf(reply.body.blocks).find((b) => b.action_id === 'conv_route')?.value;
    if (!id) throw new Error(`no card in ${textOf(reply.body)}`);
    return id;
  }

  test('create: a card in the channel, the conversation in the API, the Slack user as the actor', async () => {
    const reply = await h.command({
      command: '/conv',
      text: 'create "Refund request" priority=HIGH tags=vip channel=SMS',
    });
    expect(reply.body.response_type).toBe('in_channel');
    const blocks = reply.body.blocks;
    expect(textOf(blocks)).toContain('Created by <@U0ALICE>');
    expect(blocks[1]).toMatchObject({ type: 'header', text: { text: 'Refund request' } });
    expect(buttonsOf(blocks).map((b) => b.text.text)).toEqual([
      'Route',
      'Assign to me',
      'Close',
      'Remove vip',
      'Reply to customer',
    ]);
    const id = button(blocks, 'Route').value;
    const stored = await conversation(id);
    expect(stored).toMatchObject({
      topic: 'Refund request',
      priority: 'HIGH',
      channel: 'SMS',
      status: 'OPEN',
    });
    expect(stored.tags.map((t) => t.tag.name)).toEqual(['vip']);
    const [audit] = await auditOf(id);
    expect(audit).toMatchObject({ actorType: 'SLACK_USER', actorId: 'U0ALICE' });
    expect(textOf(blocks)).toContain(`\`${id.slice(0, 8)}\``);
  });

  test('show by short id: status, priority, channel, queue, agent, tags and the latest history', async () => {
    const id = await created('Show me', 'priority=URGENT tags=billing');
    const reply = await h.command({ command: '/conv', text: `show ${id.slice(0, 8)}` });
    const fields = reply.body.blocks[1].fields.map((f: { text: string }) => f.text);
    // auto-routed on create: the billing route sends it to Billing, where Alice is ACTIVE.
    expect(fields).toEqual([
      '*Status*\nOPEN',
      '*Priority*\nURGENT',
      '*Channel*\nNO_CHANNEL',
      '*Queue*\nBilling',
      '*Agent*\n<@U0ALICE>',
      '*Tags*\nbilling',
    ]);
    expect(textOf(reply.body.blocks)).toMatch(/UTC · <@U0ALICE> · create/);
  });

  test('the card shows the latest messages with the customer (notes left out), and names in its history', async () => {
    const id = await created('Chatty', 'tags=billing');
    const { caller } = h.api.a;
    for (const text of ['first', 'second', 'third', 'fourth'])
      await caller.messages.create({ conversationId: id, from: '+3859111', text });
    await caller.messages.create({ conversationId: id, from: 'slack:U0BOB', text: 'a note', internal: true });
    await caller.messages.create({ conversationId: id, from: 'Alice', text: 'On it', direction: 'OUTBOUND' });
    await caller.conversations.assign({ conversationId: id, agentId: bob.id });
    const reply = await h.command({ command: '/conv', text: `show ${id}` });
    const shown = textOf(reply.body.blocks);
    expect(shown).toContain('third');
    expect(shown).toContain('fourth');
    expect(shown).toContain('*Reply by Alice*');
    expect(shown).not.toContain('second');
    expect(shown).not.toContain('a note');
    expect(shown).toContain('agent <@U0ALICE> → <@U0BOB>');
    expect(shown).not.toContain(bob.id);
    expect(shown).not.toContain(alice.id);
    expect(shown).not.toContain(billingQueueId);
  });

  test('route by command re-runs routing, clears and re-picks the agent, and says why', async () => {
    const id = await created('Route me');
    expect((await conversation(id)).queueId).toBeNull();
    await h.api.a.caller.tags.addToConversation({ conversationId: id, tagName: 'billing' });
    const reply = await h.command({ command: '/conv', text: `route ${id}` });
    const said = textOf(reply.body.blocks);
    expect(said).toContain(
      'Routed by <@U0ALICE>: Matched route \\"Billing words\\"; routed to queue *Billing*.',
    );
    expect(said).toContain('Assigned <@U0ALICE> (');
    expect(said).not.toContain(billingQueueId);
    expect(said).not.toContain(alice.id);
    expect(await conversation(id)).toMatchObject({ queueId: billingQueueId, agentId: alice.id });
  });

  test('buttons: Route, Assign to me, Remove tag and Close update the API and replace the card', async () => {
    const id = await created('Buttons', 'tags=billing,vip');
    const first = await h.command({ command: '/conv', text: `show ${id}` });

    const routed = await h.click({
      actionId: 'conv_route',
      value: button(first.body.blocks, 'Route').value,
      userId: 'U0BOB',
    });
    expect(routed.body.replace_original).toBe(true);
    expect(textOf(routed.body.blocks)).toContain('Routed by <@U0BOB>');

    const mine = await h.click({ actionId: 'conv_assign_me', value: id, userId: 'U0BOB' });
    expect(textOf(mine.body.blocks)).toContain('*Agent*\\n<@U0BOB>');
    expect((await conversation(id)).agentId).toBe(bob.id);

    const remove = button(mine.body.blocks, 'Remove vip');
    const untagged = await h.click({ actionId: remove.action_id, value: remove.value });
    expect(textOf(untagged.body.blocks)).toContain('Untagged vip by <@U0ALICE>');
    expect((await conversation(id)).tags.map((t) => t.tag.name)).toEqual(['billing']);
    expect(await h.api.db.prisma.tag.count({ where: { name: 'vip' } })).toBe(1);

    const closed = await h.click({ actionId: 'conv_close', value: id });
    expect(closed.body.replace_original).toBe(true);
    expect(textOf(closed.body.blocks)).toContain('*Status*\\nCLOSED');
    expect(buttonsOf(closed.body.blocks).map((b) => b.text.text)).toEqual(['Remove billing']);
    expect((await conversation(id)).status).toBe('CLOSED');
    const actors = (await auditOf(id)).map((event) => `${event.actorType}:${event.actorId}`);
    expect(actors).toContain('SLACK_USER:U0BOB');
  });

  test('a refused click is ephemeral and leaves the card alone', async () => {
    const id = await created('Closed already');
    await h.api.a.caller.conversations.setStatus({ conversationId: id, status: 'CLOSED' });
    const reply = await h.click({ actionId: 'conv_route', value: id });
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(reply.body.blocks)).toMatch(/CLOSED/);
    expect(textOf(reply.body.blocks)).toContain('/conv route &lt;id&gt;');
  });

  test('tag, untag, status, assign and close by command', async () => {
    const id = await created('Commands');
    await h.command({ command: '/conv', text: `tag ${id} "late parcel" vip` });
    expect((await conversation(id)).tags.map((t) => t.tag.name).sort()).toEqual(['late parcel', 'vip']);
    await h.command({ command: '/conv', text: `untag ${id} vip` });
    expect((await conversation(id)).tags.map((t) => t.tag.name)).toEqual(['late parcel']);

    await h.command({ command: '/conv', text: `status ${id} waiting` });
    expect((await conversation(id)).status).toBe('WAITING');

    const assigned = await h.command({ command: '/conv', text: `assign ${id} <@U0BOB|bob>` });
    expect(textOf(assigned.body.blocks)).toContain('Assigned to Bob by <@U0ALICE>');
    expect((await conversation(id)).agentId).toBe(bob.id);

    const stranger = await h.command({ command: '/conv', text: `assign ${id} <@U0STRANGER>` });
    expect(stranger.body.response_type).toBe('ephemeral');
    expect(textOf(stranger.body.blocks)).toContain('is not linked to a Switchboard agent');
    expect((await conversation(id)).agentId).toBe(bob.id);
    // `me` for someone not linked: the error names them as a mention, not as `&lt;@U…&gt;`.
    const me = await h.command({ command: '/conv', text: `assign ${id} me`, userId: 'U0NOBODY' });
    expect(me.body.blocks[0].text.text).toContain('<@U0NOBODY> is not linked to a Switchboard agent');
    expect(textOf(me.body.blocks)).not.toContain('&lt;@');

    await h.command({ command: '/conv', text: `assign ${id} nobody` });
    expect((await conversation(id)).agentId).toBeNull();

    await h.command({ command: '/conv', text: `close ${id}` });
    expect((await conversation(id)).status).toBe('CLOSED');
    const refused = await h.command({ command: '/conv', text: `status ${id} OPEN` });
    expect(refused.body.response_type).toBe('ephemeral');
    expect((await conversation(id)).status).toBe('CLOSED');
  });

  test('list with criteria containing spaces, newest first; Next, Previous and Show leave the list in the channel alone', async () => {
    for (const n of [1, 2, 3]) await created(`Paged ${n}`, 'priority=URGENT tags=paged');
    const first = await h.command({
      command: '/conv',
      text: 'list tags==paged and priority=ge=HIGH limit=2',
    });
    expect(first.body.response_type).toBe('in_channel');
    const text = textOf(first.body.blocks);
    expect(text).toContain('matching `tags==paged and priority=ge=HIGH` (1–2 of 3)');
    expect(text.indexOf('Paged 3')).toBeLessThan(text.indexOf('Paged 2'));
    expect(buttonsOf(first.body.blocks).map((b) => b.text.text)).toEqual(['Next ▶']);
    // Next on the list everyone sees: a new page only the clicker sees; the list stays.
    const next = button(first.body.blocks, 'Next ▶');
    const second = await h.click({ actionId: next.action_id, value: next.value });
    expect(second.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(second.body.blocks)).toContain('(3–3 of 3)');
    expect(textOf(second.body.blocks)).toContain('Paged 1');
    expect(buttonsOf(second.body.blocks).map((b) => b.text.text)).toEqual(['◀ Previous']);
    // Previous on that ephemeral page replaces it (nobody else sees it).
    const previous = button(second.body.blocks, '◀ Previous');
    const back = await h.click({ actionId: previous.action_id, value: previous.value, ephemeral: true });
    expect(back.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(textOf(back.body.blocks)).toContain('(1–2 of 3)');
    // Show opens the card beside the list, only for the clicker.
    const show = second.body.blocks[1].accessory;
    const card = await h.click({ actionId: show.action_id, value: show.value });
    expect(card.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(card.body.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Paged 1' } });
    // A More button of a list posted before Previous/Next existed still pages.
    const old = await h.click({ actionId: 'conv_list_more', value: next.value });
    expect(textOf(old.body.blocks)).toContain('(3–3 of 3)');
  });

  test('a criteria error points at the position under the criteria', async () => {
    const reply = await h.command({ command: '/conv', text: 'list status==OPEN and prio==HIGH' });
    expect(reply.body.response_type).toBe('ephemeral');
    const text = textOf(reply.body.blocks);
    expect(text).toContain('Unknown field \\"prio\\"');
    expect(text).toContain('status==OPEN and prio==HIGH\\n                 ^ line 1, column 18');
    expect(text).toContain('/conv list [group:&lt;name&gt;] [criteria]');
  });

  test('short ids: unknown, and another tenant’s conversation is not found', async () => {
    const unknown = await h.command({ command: '/conv', text: 'show ffffffff' });
    expect(textOf(unknown.body.blocks)).toContain('No conversation has an id starting with \\"ffffffff\\"');
    const theirs = await h.api.b.caller.conversations.create({ topic: 'B only' });
    const byShort = await h.command({ command: '/conv', text: `show ${theirs.id.slice(0, 8)}` });
    expect(byShort.body.response_type).toBe('ephemeral');
    const byFull = await h.command({ command: '/conv', text: `close ${theirs.id}` });
    expect(byFull.body.response_type).toBe('ephemeral');
    expect(textOf(byFull.body.blocks)).toMatch(/not found/i);
    expect((await conversation(theirs.id)).status).toBe('OPEN');
  });

  test('a short id shared by two conversations is refused as ambiguous; a longer one works', async () => {
    const { organization, workspace } = h.api.a;
    for (const id of ['abcd1234-0000-4000-8000-000000000001', 'abcd1234-0000-4000-8000-000000000002']) {
      await h.api.db.prisma.conversation.create({
        data: {
          id,
          organizationId: organization.id,
          workspaceId: workspace.id,
          topic: `Twin ${id.slice(-1)}`,
        },
      });
    }
    const ambiguous = await h.command({ command: '/conv', text: 'close abcd1234' });
    expect(ambiguous.body.response_type).toBe('ephemeral');
    expect(textOf(ambiguous.body.blocks)).toContain('is the start of more than one conversation id');
    expect(
      await h.api.db.prisma.conversation.count({
        where: { id: { startsWith: 'abcd1234' }, status: 'CLOSED' },
      }),
    ).toBe(0);

    const stillAmbiguous = await h.command({
      command: '/conv',
      text: 'show abcd1234-0000-4000-8000-00000000000',
    });
    expect(stillAmbiguous.body.response_type).toBe('ephemeral');
    const first = await h.command({ command: '/conv', text: 'show abcd1234-0000-4000-8000-000000000001' });
    expect(first.body.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Twin 1' } });
    const unique = await h.command({ command: '/conv', text: 'show ABCD1234-0000-4000-8000-000000000002' });
    expect(unique.body.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Twin 2' } });
  });

  test('usage errors are ephemeral and name the problem', async () => {
    const reply = await h.command({ command: '/conv', text: 'frobnicate 12' });
    expect(reply.body.response_type).toBe('ephemeral');
    expect(textOf(reply.body.blocks)).toContain('Unknown subcommand \\"frobnicate\\" for /conv.');
    const help = await h.command({ command: '/conv', text: '' });
    expect(textOf(help.body.blocks)).toContain('/conv assign &lt;id&gt; @user|me');
  });
});
