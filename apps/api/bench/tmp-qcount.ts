// TEMPORARY (not committed): counts SQL statements per routed create (role qcount logs all).
import { readFileSync, statSync } from 'node:fs';
import { benchApiKey, startApi } from './shared/api-process';
import { withBenchDatabase } from './shared/postgres';
import { createFloor, newConversation } from './routing/setup';

const log = '/var/log/postgresql/postgresql-15-main.log';
await withBenchDatabase('qcount', async (url) => {
  const counted = url.replace('postgres@', 'qcount@').replace(/postgresql:\/\/[^@]+@/, 'postgresql://qcount@');
  const api = await startApi({ DATABASE_URL: counted });
  try {
    await createFloor(api.url, 1000);
    const n = Number(process.argv[2] ?? 5);
    await new Promise((r) => setTimeout(r, 1500));
    const from = statSync(log).size;
    for (let i = 1; i <= n; i++) {
      const res = await fetch(`${api.url}/ccaas/1/conversations`, {
        method: 'POST',
        headers: { 'x-api-key': benchApiKey, 'content-type': 'application/json' },
        body: JSON.stringify(newConversation(i * 11)),
      });
      await res.text();
    }
    await new Promise((r) => setTimeout(r, 500));
    const text = readFileSync(log).subarray(from).toString();
    const entries = text.split(/\n(?=\d{4}-\d\d-\d\d )/);
    const statements = entries.filter((l) => /LOG:  (statement|execute)/.test(l));
    console.log(`statements per create: ${statements.length / n}`);
    for (const s of statements.slice(0, statements.length / n + 2)) console.log(s.replace(/^.*?LOG:  /, '').replace(/\s+/g, ' ').slice(0, 300));
  } finally {
    await api.stop();
  }
});
