import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syncConversationTags } from '../src/services/conversations/tag-links';
import { insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

// Two transactions at once need a server: PostgreSQL only (PGlite runs one at a time).
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'tag links racing on %s',
  (kind) => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(kind);
    });
    afterAll(() => api.close());

    test('a tag another transaction creates and commits while the link statement waits on it is still linked', async () => {
      const tenant = await api.newTenant('Tag link race');
      const load = async (id: string) =>
        api.db.prisma.conversation.findUniqueOrThrow({
          where: { id },
          select: { id: true, organizationId: true, createdAt: true },
        });
      const first = await load(await insertConversation(api.db.prisma, tenant));
      const second = await load(await insertConversation(api.db.prisma, tenant));
      let releaseFirst = () => {};
      const firstHolds = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      let firstInserted = () => {};
      const inserted = new Promise<void>((resolve) => {
        firstInserted = resolve;
      });
      // The first transaction makes the tag and keeps it uncommitted until the second is waiting on it.
      const one = api.db.prisma.$transaction(async (tx) => {
        const linked = await syncConversationTags(tx, first, ['fresh', 'kept'], []);
        firstInserted();
        await firstHolds;
        return linked;
      });
      await inserted;
      const two = api.db.prisma.$transaction((tx) => syncConversationTags(tx, second, ['kept', 'fresh'], []));
      // Long enough for the second statement to start and block on the first's uncommitted tags.
      await new Promise((resolve) => setTimeout(resolve, 300));
      releaseFirst();
      expect(await one).toEqual(['fresh', 'kept']);
      expect(await two).toEqual(['kept', 'fresh']);
      const links = await api.db.prisma.conversationTag.findMany({
        where: { conversationId: second.id },
        orderBy: { createdAt: 'asc' },
        select: { tag: { select: { name: true } } },
      });
      expect(links.map((link) => link.tag.name)).toEqual(['kept', 'fresh']);
    });
  },
);
