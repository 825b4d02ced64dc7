import fc from 'fast-check';
import { test } from 'vitest';
import { conversationFactsArbitrary, criteriaPools } from '../../core/src/criteria/testing';
import { deleteConversations, insertConversationFacts, insertOrganization, insertReferencedRows } from '../src/criteria/testing/seed';
import { createTestDatabase, testDatabaseKinds } from '../src/testing';

test.each(testDatabaseKinds())('profile %s', async (kind) => {
  const db = await createTestDatabase(kind);
  const org = 'o';
  await insertOrganization(db.prisma, org);
  await insertReferencedRows(db.prisma, org, criteriaPools);
  const batches = fc.sample(fc.array(conversationFactsArbitrary, { minLength: 30, maxLength: 60 }), 30).map(b => b.map((f, i) => ({ ...f, id: `${f.id}#${i}` })));
  for (const mode of ['fk', 'replica', 'fk', 'replica']) {
    let ins = 0; let del = 0;
    for (const facts of batches) {
      let s = performance.now();
      await deleteConversations(db.prisma, org);
      del += performance.now() - s; s = performance.now();
      if (mode === 'replica') {
        await db.prisma.$transaction([db.prisma.$executeRaw`SET LOCAL session_replication_role = replica`, db.prisma.$executeRaw`SELECT 1`]);
      }
      await insertConversationFacts(db.prisma, org, facts);
      ins += performance.now() - s;
    }
    console.log(kind, mode, { del: del / 30, ins: ins / 30 });
  }
  let s = performance.now();
  for (let i = 0; i < 100; i++) await db.prisma.$queryRaw`SELECT 1`;
  console.log(kind, 'select 1', (performance.now() - s) / 100);
  await db.dispose();
}, 120000);
