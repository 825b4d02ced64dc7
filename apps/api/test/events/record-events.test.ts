import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventNotifierFor } from '../../src/events/event-notifier';
import { type EventDraft, recordEvents } from '../../src/events/record-events';
import { createOrganization } from '../../src/services/organizations';

const actor = { type: 'SYSTEM', id: 'test' } as const;

describe.each(testDatabaseKinds())('recordEvents on %s', (kind) => {
  let db: TestDatabase;
  let organizationId: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const created = await db.prisma.$transaction((tx) => createOrganization(tx, { name: 'Events', actor }));
    organizationId = created.organization.id;
  });
  afterAll(() => db.dispose());

  const draft = (type: string): EventDraft => ({ organizationId, type, actor, data: { note: type } });
  const sequencesOf = async () =>
    (await db.prisma.event.findMany({ where: { organizationId }, orderBy: { sequence: 'asc' } })).map(
      (event) => [Number(event.sequence), event.type, (event.payload as { sequence: number }).sequence],
    );

  test('numbers events 1, 2, 3 … per organization; a rolled-back write leaves no event and no gap', async () => {
    const before = (await sequencesOf()).length;
    await db.prisma.$transaction((tx) => recordEvents(tx, [draft('one.a'), draft('one.b')]));
    await expect(
      db.prisma.$transaction(async (tx) => {
        await recordEvents(tx, [draft('rolled.back')]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await db.prisma.$transaction((tx) => recordEvents(tx, [draft('two')]));
    const after = (await sequencesOf()).slice(before);
    expect(after).toEqual([
      [before + 1, 'one.a', before + 1],
      [before + 2, 'one.b', before + 2],
      [before + 3, 'two', before + 3],
    ]);
  });

  test('concurrent writers of one organization get distinct, gap-free sequences in commit order', async () => {
    const before = (await sequencesOf()).length;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.prisma.$transaction((tx) => recordEvents(tx, [draft(`c${i}`)])),
      ),
    );
    const numbers = (await sequencesOf()).slice(before).map(([sequence]) => sequence);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => before + i + 1));
  });

  test('the notifier hears each commit, and never a rolled-back one', async () => {
    const notifier = eventNotifierFor(db);
    await notifier.ready;
    const heard: [string, number][] = [];
    const stop = notifier.onEvent((org, sequence) => heard.push([org, sequence]));
    await expect(
      db.prisma.$transaction(async (tx) => {
        await recordEvents(tx, [draft('rolled.back')]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const written = await db.prisma.$transaction((tx) => recordEvents(tx, [draft('heard')]));
    await expect.poll(() => heard.length).toBe(1);
    expect(heard).toEqual([[organizationId, Number(written.lastSequence)]]);
    stop();
  });
});
