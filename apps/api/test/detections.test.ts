import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detectInMessage } from '../src/services/detections/detect-in-message';
import { redetectBatchSize } from '../src/services/detections/redetect';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

describe.each(testDatabaseKinds())('detection of trackers and custom entities on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  async function conversationOf(tenant: TestTenant) {
    return api.db.prisma.conversation.create({
      data: { organizationId: tenant.organization.id, workspaceId: tenant.workspace.id },
    });
  }

  /** Adds a message the way the messages service does: insert, then detect, in one transaction. */
  async function addMessage(tenant: TestTenant, conversationId: string, text: string) {
    return api.db.prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          organizationId: tenant.organization.id,
          conversationId,
          from: 'customer',
          text,
          content: { text },
        },
      });
      await detectInMessage(tx, { organizationId: tenant.organization.id, conversationId, message });
      return message;
    });
  }

  const detectionsOf = (messageId: string) =>
    api.db.prisma.detection.findMany({
      where: { messageId },
      orderBy: [{ start: 'asc' }, { kind: 'asc' }],
      select: {
        kind: true,
        refId: true,
        name: true,
        value: true,
        start: true,
        end: true,
        conversationId: true,
      },
    });

  test('detectInMessage stores one row per mention: trackers by name, entities by subType', async () => {
    const tenant = await api.newTenant('Detect');
    const { tracker } = await tenant.caller.trackers.create({
      name: 'Cancellation',
      vocabulary: ['cancel my subscription'],
    });
    const entity = await tenant.caller.entities.create({
      type: 'Company',
      subType: 'Acme',
      values: ['Acme Corp'],
    });
    const conversation = await conversationOf(tenant);
    const text = 'ACME corp says: I cancelled my subscriptions.';
    const message = await addMessage(tenant, conversation.id, text);

    expect(await detectionsOf(message.id)).toEqual([
      {
        kind: 'ENTITY',
        refId: entity.id,
        name: 'Acme',
        value: 'ACME corp',
        start: 0,
        end: 9,
        conversationId: conversation.id,
      },
      {
        kind: 'TRACKER',
        refId: tracker.id,
        name: 'Cancellation',
        value: 'cancelled my subscriptions',
        start: 18,
        end: 44,
        conversationId: conversation.id,
      },
    ]);
    expect(text.slice(18, 44)).toBe('cancelled my subscriptions');

    // Running it again replaces the message's detections rather than adding to them.
    await api.db.prisma.$transaction((tx) =>
      detectInMessage(tx, {
        organizationId: tenant.organization.id,
        conversationId: conversation.id,
        message,
      }),
    );
    expect(await detectionsOf(message.id)).toHaveLength(2);
  });

  test("only the message's own organization's trackers and entities are detected", async () => {
    const tenant = await api.newTenant('Own definitions');
    const other = await api.newTenant('Other definitions');
    await other.caller.trackers.create({ name: 'Refunds', vocabulary: ['refund'] });
    await other.caller.entities.create({ type: 'Product', subType: 'Widget', values: ['widget'] });
    const conversation = await conversationOf(tenant);
    const message = await addMessage(tenant, conversation.id, 'a refund for my widget');
    expect(await detectionsOf(message.id)).toEqual([]);
  });

  test('a message without mentions stores nothing; a message with several stores each', async () => {
    const tenant = await api.newTenant('Several');
    await tenant.caller.trackers.create({ name: 'Refunds', vocabulary: ['refund'] });
    const conversation = await conversationOf(tenant);
    expect(await detectionsOf((await addMessage(tenant, conversation.id, 'hello there')).id)).toEqual([]);
    const several = await addMessage(tenant, conversation.id, 'refund, refund, REFUND!');
    expect((await detectionsOf(several.id)).map((d) => d.value)).toEqual(['refund', 'refund', 'REFUND']);
  });

  test(`creating a tracker detects it in existing messages, in pages of ${redetectBatchSize}`, async () => {
    const tenant = await api.newTenant('Backfill');
    const conversation = await conversationOf(tenant);
    const count = redetectBatchSize + 20;
    await api.db.prisma.message.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        organizationId: tenant.organization.id,
        conversationId: conversation.id,
        from: 'customer',
        text: i % 2 === 0 ? `message ${i}: where is my refund?` : `message ${i}: thanks`,
        content: { text: i % 2 === 0 ? `message ${i}: where is my refund?` : `message ${i}: thanks` },
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 7)),
      })),
    });
    const { tracker } = await tenant.caller.trackers.create({ name: 'Refunds', vocabulary: ['refund'] });
    expect(await api.db.prisma.detection.count({ where: { refId: tracker.id } })).toBe(count / 2);
    expect(
      await api.db.prisma.detection.count({
        where: { organizationId: tenant.organization.id, kind: 'TRACKER' },
      }),
    ).toBe(count / 2);
  });
});
