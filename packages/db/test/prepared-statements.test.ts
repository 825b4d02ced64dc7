import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/client';
import { openDatabase } from '../src/client';
import { findConversationsWithTagNames } from '../src/conversations';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '../src/testing';

// PostgreSQL only: PGlite runs in the process and has no parse and plan round to save.
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'statements marked `prepared` on %s',
  () => {
    let url: string;
    let db: Database;
    beforeAll(async () => {
      url = await createPostgresDatabase();
      // One connection, so the session that ran the read is the one asked about its statements.
      db = await openDatabase({ databaseUrl: url, poolSize: 1 });
    });
    afterAll(async () => {
      await db?.close();
      if (url) await dropPostgresDatabase(url);
    });

    const preparedOnTheConnection = async () =>
      (
        await db.prisma.$queryRaw<{ name: string; statement: string }[]>`
        SELECT name, statement FROM pg_prepared_statements ORDER BY name`
      ).filter((row) => row.name.startsWith('sb_'));

    test('the conversation read is prepared once per connection and sent by name afterwards', async () => {
      await findConversationsWithTagNames(db.prisma, 'org-x', ['c-1']);
      await findConversationsWithTagNames(db.prisma, 'org-x', ['c-2', 'c-3']);
      const statements = await preparedOnTheConnection();
      expect(statements).toHaveLength(1);
      expect(statements[0]?.statement).toContain('FROM "Conversation" c');
      // Unmarked statements (this one included) stay unnamed: nothing else was prepared.
      await db.prisma.conversation.findMany({ where: { organizationId: 'org-x' } });
      expect(await preparedOnTheConnection()).toHaveLength(1);
    });
  },
);
