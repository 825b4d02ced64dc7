import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';

// Headers worth a line in the request log. Credentials are named but never written.
const loggedHeaders = [
  'user-agent',
  'content-type',
  'content-length',
  'x-acting-slack-user',
  'organizationid',
];
const credentialHeaders = ['authorization', 'x-api-key', 'cookie'];

/**
 * One log line per request (pino-http, at info): request id, method, URL, client address, a few
 * headers, status and response time; `x-request-id` is taken from the client when sane and sent
 * back. The serializers build small plain objects instead of pino's default copies of every
 * request and response header, which cost more than the rest of the line.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    wrapSerializers: false,
    serializers: { req: requestSummary, res: responseSummary, err: pino.stdSerializers.err },
  });
}

function requestSummary(req: IncomingMessage & { id?: unknown; originalUrl?: string }) {
  const headers: Record<string, string | string[]> = {};
  for (const name of loggedHeaders) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  for (const name of credentialHeaders) if (req.headers[name] !== undefined) headers[name] = '[redacted]';
  return {
    id: req.id,
    method: req.method,
    url: req.originalUrl ?? req.url,
    remoteAddress: req.socket?.remoteAddress,
    headers,
  };
}

function responseSummary(res: ServerResponse) {
  return { statusCode: res.headersSent ? res.statusCode : null };
}
