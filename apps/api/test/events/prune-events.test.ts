import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pruneEvents } from '../../src/events/prune-events';
import { recordEvents } from '../../src/events/record-events';
import { createOrganization } from '../../src/services/organizations';

const actor = { type: 'SYSTEM', id: 'test' } as const;

describe.each(testDatabaseKinds())('event retention on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.dispose());

  test('events older than the retention are deleted, newer ones and the numbering stay', async () => {
    const { organization } = await db.prisma.$transaction((tx) =>
      createOrganization(tx, { name: 'Retention', actor }),
    );
    const organizationId = organization.id;
    const draft = (type: string) => ({ organizationId, type, actor, data: {} });
    await db.prisma.$transaction((tx) => recordEvents(tx, [draft('old.one'), draft('old.two')]));
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    await db.prisma.event.updateMany({ where: { organizationId }, data: { createdAt: eightDaysAgo } });
    await db.prisma.$transaction((tx) => recordEvents(tx, [draft('recent')]));

    expect(await pruneEvents(db.prisma, 7)).toBe(3); // organization.created was old too
    const left = await db.prisma.event.findMany({ where: { organizationId } });
    expect(left.map((event) => [event.type, Number(event.sequence)])).toEqual([['recent', 4]]);
    expect(await pruneEvents(db.prisma, 7)).toBe(0);
  });
});
