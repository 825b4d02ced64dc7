import { createHash } from 'node:crypto';
import { DomainError } from '@switchboard/core';
import type { Prisma, PrismaClient } from '@switchboard/db';
import type { NextFunction, Response } from 'express';
import { sendError } from '../rest/send-error';
import type { AuthenticatedRequest } from '../trpc/express-context';

const KEEP_FOR_MS = 24 * 60 * 60 * 1000;
const header = 'idempotency-key';

/**
 * `Idempotency-Key` on POST/PUT/PATCH (REST and tRPC mutations alike): the first request's answer
 * is stored and replayed for the same key and body; another body with that key is 422, and a
 * request arriving while the first is still running is 409. Keys are per API key, kept 24 h.
 * Failures (5xx) are not stored, so the client may retry them.
 */
export function idempotency(prisma: PrismaClient) {
  return async (req: AuthenticatedRequest, res: Response, next: NextFunction) => {
    const key = req.headers[header];
    if (
      typeof key !== 'string' ||
      !['POST', 'PUT', 'PATCH'].includes(req.method) ||
      req.auth?.kind !== 'principal'
    ) {
      return next();
    }
    try {
      if (key.length === 0 || key.length > 255) {
        throw new DomainError('VALIDATION', 'Idempotency-Key must be 1 to 255 characters.', {
          field: header,
        });
      }
      const scope = {
        organizationId: req.auth.principal.organizationId,
        principalId: req.auth.principal.apiKeyId,
        key,
      };
      const requestHash = createHash('sha256')
        .update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`)
        .digest('hex');
      const claimed = await claim(prisma, scope, requestHash);
      if (claimed !== 'claimed') return replay(res, claimed, requestHash);
      rememberResponse(prisma, scope, res);
      next();
    } catch (error) {
      sendError(res, error, req);
    }
  };
}

type Scope = { organizationId: string; principalId: string; key: string };
type StoredRecord = { requestHash: string; responseStatus: number | null; responseBody: Prisma.JsonValue };

async function claim(
  prisma: PrismaClient,
  scope: Scope,
  requestHash: string,
): Promise<'claimed' | StoredRecord> {
  const now = new Date();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await prisma.idempotencyRecord.create({
        data: { ...scope, requestHash, expiresAt: new Date(now.getTime() + KEEP_FOR_MS) },
      });
      return 'claimed';
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
      const existing = await prisma.idempotencyRecord.findUnique({
        where: { organizationId_principalId_key: scope },
      });
      if (existing && existing.expiresAt > now) return existing;
      // Expired (or vanished): forget it and claim afresh.
      await prisma.idempotencyRecord.deleteMany({ where: { ...scope, expiresAt: { lte: now } } });
    }
  }
  throw new DomainError(
    'CONFLICT',
    'A request with this Idempotency-Key is already in progress; retry later.',
  );
}

function replay(res: Response, record: StoredRecord, requestHash: string): void {
  if (record.requestHash !== requestHash) {
    throw new DomainError(
      'UNPROCESSABLE',
      'This Idempotency-Key was already used with a different request; use a new key for a new request.',
    );
  }
  if (record.responseStatus === null) {
    throw new DomainError(
      'CONFLICT',
      'A request with this Idempotency-Key is still in progress; retry later.',
    );
  }
  res.setHeader('idempotent-replayed', 'true');
  res.status(record.responseStatus).json(record.responseBody);
}

/**
 * Stores the answer before it reaches the client: a client that retries as soon as it has the
 * answer must get the replay, not "still in progress". Until `end`, chunks are only collected
 * alongside the real writes; `end` waits for the record, then finishes the response. A request
 * that never ends normally (client gone, 5xx) releases the key instead.
 */
function rememberResponse(prisma: PrismaClient, scope: Scope, res: Response): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const where = { organizationId_principalId_key: scope };
  let settled = false;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunks, chunk);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') collect(chunks, chunk);
    settled = true;
    const body = parseJson(Buffer.concat(chunks).toString('utf8'));
    const settle =
      res.statusCode < 500 && body !== undefined
        ? prisma.idempotencyRecord.update({
            where,
            data: { responseStatus: res.statusCode, responseBody: body },
          })
        : prisma.idempotencyRecord.delete({ where });
    settle.catch(() => {}).finally(() => end(chunk, ...rest));
    return res;
  }) as typeof res.end;

  res.on('close', () => {
    if (!settled) prisma.idempotencyRecord.delete({ where }).catch(() => {});
  });
}

function collect(chunks: Buffer[], chunk: unknown): void {
  if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
  else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
}

function parseJson(text: string): Prisma.InputJsonValue | undefined {
  try {
    return JSON.parse(text) as Prisma.InputJsonValue;
  } catch {
    return undefined;
  }
}
