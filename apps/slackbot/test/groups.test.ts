import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, startHarness } from './support/harness';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
const textOf = (blocks: any) => JSON.stringify(blocks);
// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
const buttonsOf = (blocks: any[]) =>
  blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));

describe.each(testDatabaseKinds())('/group end to end on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    const { caller } = h.api.a;
    for (let i = 1; i <= 7; i++) {
      await caller.conversations.create({ topic: `VIP case ${i}`, tags: ['vip'] });
    }
    await caller.conversations.create({ topic: 'Ordinary', tags: ['other'] });
    // Another tenant's VIP conversations must never count.
    await h.api.b.caller.conversations.create({ topic: 'B vip', tags: ['vip'] });
  });
  afterAll(() => h.close());

  test('create "VIP" tags==vip and status==OPEN: a group card, saved in the API, audited as the Slack user', async () => {
    const reply = await h.command({
      command: '/group',
      text: 'create "VIP" tags==vip and status==OPEN',
      userId: 'U0ALICE',
    });
    expect(reply.body.response_type).toBe('in_channel');
    const text = textOf(reply.body.blocks);
    expect(text).toContain('Group created by <@U0ALICE>');
    expect(text).toContain('```tags==vip and status==OPEN```');
    expect(text).toContain('*7* conversations match now · showing 1–5');
    expect(buttonsOf(reply.body.blocks).map((b) => b.text.text)).toEqual(['Next ▶']);

    const { group } = await h.api.a.caller.groups.get({ name: 'VIP' });
    expect(group).toMatchObject({ name: 'VIP', criteria: 'tags==vip and status==OPEN' });
    const audit = await h.api.db.prisma.auditEvent.findFirst({
      where: { entityType: 'group', entityId: group.id },
    });
    expect(audit).toMatchObject({ actorType: 'SLACK_USER', actorId: 'U0ALICE', action: 'group.create' });
  });

  test('show by name, then page with Next and Previous (the card in the channel stays; the pages are the clicker’s)', async () => {
    const shown = await h.command({ command: '/group', text: 'show VIP' });
    const next = buttonsOf(shown.body.blocks).find((b) => b.text.text === 'Next ▶');
    const page2 = await h.click({ actionId: next.action_id, value: next.value });
    expect(page2.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(page2.body.blocks)).toContain('showing 6–7');
    const previous = buttonsOf(page2.body.blocks).find((b) => b.text.text === '◀ Previous');
    const page1 = await h.click({ actionId: previous.action_id, value: previous.value, ephemeral: true });
    expect(page1.body.replace_original).toBe(true);
    expect(textOf(page1.body.blocks)).toContain('showing 1–5');
  });

  test('list shows groups with Show buttons that open the card', async () => {
    const list = await h.command({ command: '/group', text: 'list' });
    const show = buttonsOf(list.body.blocks);
    expect(list.body.blocks[1].accessory).toMatchObject({ action_id: 'group_show' });
    expect(show).toEqual([]);
    const card = await h.click({ actionId: 'group_show', value: list.body.blocks[1].accessory.value });
    expect(card.body.blocks[0]).toMatchObject({ type: 'header', text: { text: 'VIP' } });
  });

  test('a criteria error is ephemeral, passes the API message and points at the position', async () => {
    const reply = await h.command({ command: '/group', text: 'create Broken tags==vip and prio==HIGH' });
    expect(reply.body.response_type).toBe('ephemeral');
    const text = textOf(reply.body.blocks);
    expect(text).toMatch(/prio/);
    expect(text).toContain('tags==vip and prio==HIGH\\n              ^ line 1, column 15');
    expect(text).toContain('/group create &lt;name&gt; &lt;criteria&gt;');
    expect(await h.api.db.prisma.conversationGroup.count({ where: { name: 'Broken' } })).toBe(0);
  });

  test('update keeps what is not mentioned; delete removes only the group', async () => {
    const updated = await h.command({
      command: '/group',
      text: 'update VIP description="Top customers" tags==vip',
    });
    expect(textOf(updated.body.blocks)).toContain('Group updated by <@U0ALICE>');
    const { group } = await h.api.a.caller.groups.get({ name: 'VIP' });
    expect(group).toMatchObject({ name: 'VIP', description: 'Top customers', criteria: 'tags==vip' });

    const deleted = await h.command({ command: '/group', text: 'delete VIP' });
    expect(textOf(deleted.body.blocks)).toContain('Group *VIP* deleted by <@U0ALICE>');
    expect(await h.api.db.prisma.conversationGroup.count({ where: { id: group.id } })).toBe(0);
    expect(
      await h.api.db.prisma.conversation.count({ where: { organizationId: h.api.a.organization.id } }),
    ).toBe(8);
  });

  test('an unknown group is an ephemeral error with the usage line', async () => {
    const reply = await h.command({ command: '/group', text: 'show Nope' });
    expect(reply.body.response_type).toBe('ephemeral');
    expect(textOf(reply.body.blocks)).toContain('No group named');
    expect(textOf(reply.body.blocks)).toContain('/group show &lt;name|id&gt;');
  });

  test('help is ephemeral and lists every subcommand', async () => {
    const reply = await h.command({ command: '/group', text: 'help' });
    expect(reply.body.response_type).toBe('ephemeral');
    for (const sub of ['create', 'list', 'show', 'update', 'delete', 'help']) {
      expect(textOf(reply.body.blocks)).toContain(`/group ${sub}`);
    }
  });
});
