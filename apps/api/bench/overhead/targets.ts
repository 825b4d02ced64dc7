import pg from 'pg';
import { seedOrganization } from '../groups/seed';
import { type ApiChild, benchApiKey } from '../shared/api-process';
import type { Child } from '../shared/processes';

/** One server under load: where to send GET <path(id)>, and how to find the conversation in its answer. */
export interface Target {
  name: string;
  url: string;
  pid: number;
  path: (id: string) => string;
  headers: Record<string, string>;
  unwrap: (body: unknown) => { id?: string; tags?: string[] };
}

export const seededConversations = 10_000;

/** Seeds the bootstrap organization of the API's database; returns it and 100 conversation ids. */
export async function seedThroughSql(url: string): Promise<{ organizationId: string; ids: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const org = await client.query<{ id: string }>('SELECT "id" FROM "Organization" LIMIT 1');
    const organizationId = org.rows[0]?.id ?? '';
    const ws = await client.query<{ id: string }>(
      'SELECT "id" FROM "Workspace" WHERE "organizationId" = $1',
      [organizationId],
    );
    const executor = {
      $executeRawUnsafe: async (sql: string, ...values: unknown[]) =>
        (await client.query(sql, values)).rowCount ?? 0,
    };
    await seedOrganization(executor, {
      organizationId,
      workspaceId: ws.rows[0]?.id ?? '',
      count: seededConversations,
      salt: 'overhead',
    });
    await client.query('VACUUM ANALYZE');
    const picked = await client.query<{ id: string }>(
      'SELECT "id" FROM "Conversation" WHERE "organizationId" = $1 ORDER BY md5("id") LIMIT 100',
      [organizationId],
    );
    return { organizationId, ids: picked.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}

export function targetsFor(api: ApiChild, bare: Child, barePort: number): Target[] {
  const key = { 'x-api-key': benchApiKey };
  const plain = (body: unknown) => body as { id?: string; tags?: string[] };
  return [
    {
      name: 'bare Express + pg',
      url: `http://127.0.0.1:${barePort}`,
      pid: bare.pid,
      path: (id) => `/conversations/${id}`,
      headers: {},
      unwrap: plain,
    },
    {
      name: 'REST GET /ccaas/1/conversations/{id}',
      url: api.url,
      pid: api.pid,
      path: (id) => `/ccaas/1/conversations/${id}`,
      headers: key,
      unwrap: plain,
    },
    {
      name: 'tRPC GET /trpc/conversations.get',
      url: api.url,
      pid: api.pid,
      path: (id) =>
        `/trpc/conversations.get?input=${encodeURIComponent(JSON.stringify({ conversationId: id }))}`,
      headers: key,
      unwrap: (body) => (body as { result?: { data?: { id?: string; tags?: string[] } } }).result?.data ?? {},
    },
  ];
}

/** All three must return the same conversation, or the comparison means nothing. */
export async function checkSameAnswer(targets: Target[], id: string): Promise<void> {
  const answers = await Promise.all(
    targets.map(async (target) => {
      const res = await fetch(`${target.url}${target.path(id)}`, { headers: target.headers });
      if (!res.ok) throw new Error(`${target.name} answered ${res.status}: ${await res.text()}`);
      const conversation = target.unwrap(await res.json());
      return JSON.stringify({ id: conversation.id, tags: [...(conversation.tags ?? [])].sort() });
    }),
  );
  if (new Set(answers).size !== 1) throw new Error(`targets disagree: ${answers.join(' / ')}`);
}
