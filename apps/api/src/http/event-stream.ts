import type { Database } from '@switchboard/db';
import type { Response } from 'express';
import type { Logger } from '../logger';
import { coerceQuery } from '../rest/query-coercion';
import { sendError } from '../rest/send-error';
import { appRouter } from '../routers';
import { streamEventsInput } from '../routers/events/stream-events';
import { type AuthenticatedRequest, contextFromRequest } from '../trpc/express-context';
import { createCallerFactory } from '../trpc/init';

const createCaller = createCallerFactory(appRouter);

/** A comment line every so often keeps proxies and idle timeouts from closing a quiet stream. */
export const keepaliveMs = 15_000;

/**
 * `GET /v1/events/stream`: Server-Sent Events for `curl -N` and EventSource. The same procedure
 * as tRPC's `events.stream` (authentication, selection checks, resume), so a refusal is an
 * ordinary error response before the stream starts. Each event is `id: <sequence>` and
 * `data: <event JSON>`; a client that reconnects with `Last-Event-ID` continues after it.
 */
export function eventStream(deps: {
  db: Database;
  logger: Logger;
  keepaliveMs?: number;
  shutdown?: AbortSignal | undefined;
}) {
  return async (req: AuthenticatedRequest, res: Response) => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const lastEventId = req.header('last-event-id');
    const input = {
      ...coerceQuery(streamEventsInput, req.query as Record<string, unknown>),
      ...(lastEventId ? { lastEventId } : {}),
    };
    let events: AsyncIterable<[string, unknown, ...unknown[]]>;
    try {
      const caller = createCaller(contextFromRequest(req, deps), { signal: abort.signal });
      events = (await caller.events.stream(input as never)) as never;
    } catch (error) {
      sendError(res, error, req);
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), deps.keepaliveMs ?? keepaliveMs);
    try {
      for await (const [id, event] of events) res.write(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
    } catch (error) {
      if (!abort.signal.aborted) deps.logger.error({ err: error }, 'event stream failed');
    } finally {
      clearInterval(keepalive);
      res.end();
    }
  };
}
