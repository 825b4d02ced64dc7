import { randomBytes } from 'node:crypto';
import { type DatabaseKind, openDatabase, type PrismaClient } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase } from '@switchboard/db/testing';
import { type ApiProcess, startApiProcess } from '../../support/api-process';
import { send, startTestApi, type TestApi, type TestResponse } from '../../support/test-api';

export type Call = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<TestResponse>;

export interface Setup {
  /** Two clients: two API processes on PostgreSQL, two connections to one server on PGlite. */
  calls: [Call, Call];
  prisma: PrismaClient;
  organizationId: string;
  close(): Promise<void>;
}

/** Two real API processes on one fresh PostgreSQL database, sharing the bootstrap key. */
export async function twoProcesses(): Promise<Setup> {
  const key = `race-${randomBytes(16).toString('hex')}`;
  const url = await createPostgresDatabase();
  const env = {
    DATABASE_URL: url,
    BOOTSTRAP_API_KEY: key,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  };
  const processes: ApiProcess[] = [];
  for (const result of await Promise.allSettled([
    startApiProcess(env, 120_000),
    startApiProcess(env, 120_000),
  ])) {
    if (result.status === 'fulfilled') processes.push(result.value);
  }
  const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const close = async () => {
    await Promise.all(processes.map((p) => p.stop('SIGTERM')));
    await db.close();
    await dropPostgresDatabase(url);
  };
  if (processes.length !== 2) {
    await close();
    throw new Error('two API processes expected');
  }
  const via =
    (api: ApiProcess): Call =>
    (method, path, body, headers = {}) =>
      send(`${api.url}${path}`, {
        method,
        headers: {
          'x-api-key': key,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  const organization = await db.prisma.organization.findFirstOrThrow();
  return {
    calls: [via(processes[0] as ApiProcess), via(processes[1] as ApiProcess)],
    prisma: db.prisma,
    organizationId: organization.id,
    close,
  };
}

/** One in-process server (PGlite cannot be shared by processes), called twice over. */
export async function oneServer(kind: DatabaseKind): Promise<Setup> {
  const api: TestApi = await startTestApi(kind);
  const call: Call = (method, path, body, headers) => api.a.request(method, path, body, headers);
  return {
    calls: [call, call],
    prisma: api.db.prisma,
    organizationId: api.a.organization.id,
    close: () => api.close(),
  };
}
