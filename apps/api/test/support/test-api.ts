import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DatabaseKind } from '@switchboard/db';
import { createTestDatabase, type TestDatabase } from '@switchboard/db/testing';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createApp } from '../../src/app';
import type { Authentication } from '../../src/auth/authenticate';
import type { Principal } from '../../src/auth/principal';
import { openRateLimitStore } from '../../src/http/rate-limit-store';
import { createLogger, type Logger } from '../../src/logger';
import type { AppRouter } from '../../src/routers';
import { appRouter } from '../../src/routers';
import {
  type CreatedOrganization,
  createOrganization,
  ownerPrincipal,
} from '../../src/services/organizations';
import { createContextInner } from '../../src/trpc/context';
import { createCallerFactory } from '../../src/trpc/init';
import { defaultWebhookSettings, type WebhookSettings } from '../../src/webhooks/settings';
import { startWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
const silentLogger = createLogger('silent');
const createCaller = createCallerFactory(appRouter);

export interface TestTenant extends CreatedOrganization {
  principal: Principal;
  /** `createCaller` for this tenant's owner key: procedures without HTTP. */
  caller: ReturnType<typeof createCaller>;
  /** A typed tRPC client over real HTTP with this tenant's key. */
  client: ReturnType<typeof createTRPCClient<AppRouter>>;
  /** fetch against the running server with this tenant's key (JSON body, x-api-key). */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on arbitrary JSON shapes
  body: any;
}

/** A request's status, headers and parsed JSON body (undefined when the body is not JSON). */
export async function send(url: string, init: RequestInit): Promise<TestResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

export interface TestApi {
  url: string;
  db: TestDatabase;
  /** Organization A and B: every test has a second tenant at hand for tenancy checks. */
  a: TestTenant;
  b: TestTenant;
  newTenant(name: string): Promise<TestTenant>;
  close(): Promise<void>;
}

/** A conversation of tenant A with this topic, stored directly (for tests of the HTTP layer). */
export async function insertConversationOfA(api: TestApi, topic: string): Promise<string> {
  const { organization, workspace } = api.a;
  const row = await api.db.prisma.conversation.create({
    data: { organizationId: organization.id, workspaceId: workspace.id, topic },
  });
  return row.id;
}

/** A real server on a random port over a fresh database of the given kind, with two tenants. */
export async function startTestApi(
  kind: DatabaseKind,
  options: {
    rateLimitPerMinute?: number;
    bodyLimitBytes?: number;
    logger?: Logger;
    /** Webhook settings; when given, this API also delivers webhooks (as `npm start` does). */
    webhooks?: Partial<WebhookSettings>;
    /** The clock routing reads working hours by (HTTP and callers alike); the system's by default. */
    now?: () => Date;
  } = {},
): Promise<TestApi> {
  const logger = options.logger ?? silentLogger;
  const db = await createTestDatabase(kind);
  const rateLimitPerMinute = options.rateLimitPerMinute ?? 100_000;
  // On PostgreSQL the counters are the shared table, as in production; on PGlite, memory.
  const rateLimits = await openRateLimitStore({ perMinute: rateLimitPerMinute, databaseUrl: db.url, logger });
  const webhooks = options.webhooks ? { ...defaultWebhookSettings, ...options.webhooks } : undefined;
  const dispatcher = webhooks ? startWebhookDispatcher(db, webhooks, logger) : undefined;
  const app = createApp({
    db,
    logger,
    rateLimits,
    webhooks,
    now: options.now,
    env: {
      ADMIN_API_KEY: ADMIN_KEY,
      RATE_LIMIT_PER_MINUTE: rateLimitPerMinute,
      BODY_LIMIT_BYTES: options.bodyLimitBytes ?? 1_048_576,
    },
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const newTenant = async (name: string): Promise<TestTenant> => {
    const created = await db.prisma.$transaction((tx) =>
      createOrganization(tx, { name, actor: { type: 'SYSTEM', id: 'test' } }),
    );
    const principal = ownerPrincipal(created);
    const auth: Authentication = { kind: 'principal', principal };
    return {
      ...created,
      principal,
      caller: createCaller(createContextInner({ db, logger, auth, webhooks, now: options.now })),
      client: createTRPCClient<AppRouter>({
        links: [httpLink({ url: `${url}/trpc`, headers: { 'x-api-key': created.apiKey.key } })],
      }),
      request: (method, path, body, headers = {}) =>
        send(`${url}${path}`, {
          method,
          headers: {
            'x-api-key': created.apiKey.key,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
    };
  };

  const a = await newTenant('Organization A');
  const b = await newTenant('Organization B');
  return {
    url,
    db,
    a,
    b,
    newTenant,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rateLimits.close();
      await dispatcher?.stop();
      await db.dispose();
    },
  };
}
