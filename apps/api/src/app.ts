import { DomainError } from '@switchboard/core';
import type { Database } from '@switchboard/db';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { dialects } from './dialects';
import type { Env } from './env';
import { authentication } from './http/authentication';
import { eventStream } from './http/event-stream';
import { health } from './http/health';
import { idempotency } from './http/idempotency';
import { refuseUnsafeBodies } from './http/input-safety';
import { rateLimitPerPrincipal } from './http/rate-limit';
import type { RateLimitStore } from './http/rate-limit-store';
import { requestLogging } from './http/request-logging';
import type { Logger } from './logger';
import { createRestRouter } from './rest/adapter';
import { dialectHeaders } from './rest/dialect-headers';
import { docsRouter } from './rest/docs';
import { sendError } from './rest/send-error';
import { appRouter } from './routers';
import { contextFromRequest } from './trpc/express-context';
import { singleQuery } from './trpc/single-query';
import type { WebhookSettings } from './webhooks/settings';

export interface AppDependencies {
  db: Database;
  env: Pick<Env, 'ADMIN_API_KEY' | 'RATE_LIMIT_PER_MINUTE' | 'BODY_LIMIT_BYTES'>;
  logger: Logger;
  /** The rate limiter's counters (openRateLimitStore). */
  rateLimits: RateLimitStore;
  /** Aborted when the server stops: open event streams end. */
  shutdown?: AbortSignal;
  /** Webhook target rules; by default private targets are refused and DNS is the system's. */
  webhooks?: WebhookSettings | undefined;
  /** The clock routing reads working hours by (default: the system's); tests pin it. */
  now?: (() => Date) | undefined;
}

/** The HTTP application: health, docs, tRPC at /trpc and the seed-compatible REST adapter. */
export function createApp({
  db,
  env,
  logger,
  rateLimits,
  shutdown,
  webhooks,
  now,
}: AppDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  app.use(dialectHeaders());
  app.get('/health', health(db));
  app.use(docsRouter(appRouter, dialects));

  // application/json-patch+json (settings PATCH) is JSON too.
  app.use(
    express.json({
      limit: env.BODY_LIMIT_BYTES,
      strict: false,
      type: ['application/json', 'application/*+json'],
    }),
  );
  app.use(refuseUnsafeBodies());
  app.use(authentication(db.prisma, env.ADMIN_API_KEY));
  app.use(rateLimitPerPrincipal(env.RATE_LIMIT_PER_MINUTE, rateLimits.limiter));
  app.use(idempotency(db.prisma));

  const deps = { db, logger, webhooks, shutdown, now };
  app.get('/v1/events/stream', eventStream(deps));
  app.use('/trpc', singleQuery({ router: appRouter, createContext: (req) => contextFromRequest(req, deps) }));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req }) => contextFromRequest(req, deps),
      maxBodySize: env.BODY_LIMIT_BYTES,
    }),
  );
  app.use(
    createRestRouter({ router: appRouter, dialects, createContext: (req) => contextFromRequest(req, deps) }),
  );

  app.use((req: Request, res: Response) => {
    sendError(res, new DomainError('NOT_FOUND', `No route for ${req.method} ${req.path}; see /docs.`), req);
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => sendError(res, error, req));
  return app;
}
