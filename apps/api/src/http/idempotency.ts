import { createHash } from 'node:crypto';
import { DomainError } from '@switchboard/core';
import type { Prisma, PrismaClient } from '@switchboard/db';
import type { NextFunction, Response } from 'express';
import { sendError } from '../rest/send-error';
import type { AuthenticatedRequest } from '../trpc/express-context';
import { joinedTransaction, type RequestTransaction, runAfterCommit } from './joined-transaction';

const KEEP_FOR_MS = 24 * 60 * 60 * 1000;
const header = 'idempotency-key';

/**
 * `Idempotency-Key` on POST/PUT/PATCH (REST and tRPC mutations alike): the first request's answer
 * is stored and replayed for the same key and body; another body with that key is 422. Keys are
 * per API key, kept 24 h. Failures (5xx) are not stored, so the client may retry them.
 *
 * The claim on the key, the request's effect and its stored answer are one transaction: the
 * procedures run in it (`req.transaction`), and it commits only once the answer is recorded.
 * Killed at any moment, the process leaves either all of them or none, so a retry after a crash
 * replays the answer or runs anew, never "in progress" until the key expires. A request arriving
 * while the first is still running waits for its outcome: PostgreSQL holds its insert of the same
 * key until the first commits or rolls back (PGlite runs one transaction at a time anyway).
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
      const stored = await runOnce(prisma, { scope, requestHash, req, res, next });
      if (stored) replay(res, stored, requestHash);
    } catch (error) {
      sendError(res, error, req);
    }
  };
}

type Scope = { organizationId: string; principalId: string; key: string };
type StoredRecord = { requestHash: string; responseStatus: number | null; responseBody: Prisma.JsonValue };
interface Attempt {
  scope: Scope;
  requestHash: string;
  req: AuthenticatedRequest;
  res: Response;
  next: NextFunction;
}

/**
 * Runs the request under a fresh claim, or answers the stored record of an earlier one. Resolves
 * to that record when it is to be replayed, to undefined once this request has been answered.
 */
async function runOnce(prisma: PrismaClient, attempt: Attempt): Promise<StoredRecord | undefined> {
  const where = { organizationId_principalId_key: attempt.scope };
  for (let tries = 0; tries < 3; tries++) {
    const now = new Date();
    const existing = await prisma.idempotencyRecord.findUnique({ where });
    // A record without an answer was left by a version that committed claims on their own.
    if (existing && existing.expiresAt > now && existing.responseStatus !== null) return existing;
    if (existing) await prisma.idempotencyRecord.deleteMany({ where: { id: existing.id } });
    try {
      await claimAndRun(prisma, attempt, now);
      return undefined;
    } catch (error) {
      // Another request with this key committed first: its answer is now stored.
      if ((error as { code?: string }).code !== 'P2002') throw error;
    }
  }
  throw new DomainError('CONFLICT', 'Requests with this Idempotency-Key keep colliding; retry in a moment.');
}

/** Thrown to roll the claim and the effect back when the answer is not to be kept with them. */
class Undo extends Error {}

async function claimAndRun(prisma: PrismaClient, attempt: Attempt, now: Date): Promise<void> {
  const { scope, requestHash, req, res, next } = attempt;
  const where = { organizationId_principalId_key: scope };
  const record = { ...scope, requestHash, expiresAt: new Date(now.getTime() + KEEP_FOR_MS) };
  // Set once the key is claimed; until then nothing of the response has been touched.
  const claimed: { answer?: HeldAnswer; committed?: RequestTransaction } = {};
  try {
    await prisma.$transaction(async (tx) => {
      await tx.idempotencyRecord.create({ data: record });
      const answer = holdAnswer(res);
      claimed.answer = answer;
      const transaction = joinedTransaction(tx);
      req.transaction = transaction;
      next();
      const held = await answer.ready;
      // A refusal (4xx) is stored without whatever the request wrote before refusing; a failure
      // (5xx) is not stored at all, so a retry runs anew.
      if (held.status >= 400) throw new Undo();
      if (held.body === undefined) await tx.idempotencyRecord.delete({ where });
      else
        await tx.idempotencyRecord.update({
          where,
          data: { responseStatus: held.status, responseBody: held.body },
        });
      claimed.committed = transaction;
    });
  } catch (error) {
    const { answer } = claimed;
    if (!answer) throw error;
    if (!(error instanceof Undo)) {
      // The transaction failed (a lost connection, its time limit) and took the effect with it.
      answer.replaceWith(error);
      return;
    }
    const held = await answer.ready;
    if (held.status < 500 && held.body !== undefined) {
      await prisma.idempotencyRecord
        .create({ data: { ...record, responseStatus: held.status, responseBody: held.body } })
        .catch(() => {}); // a concurrent request with this key stored its own answer first
    }
  }
  // What the procedures left for after the commit (queue drains, forgetting changed credentials)
  // runs now, before the client has its answer, as it does for a request without a key.
  if (claimed.committed) await runAfterCommit(claimed.committed);
  claimed.answer?.release();
}

type Answer = { status: number; body: Prisma.InputJsonValue | undefined };

interface HeldAnswer {
  /** Resolves when the pipeline has completed the response (which is not sent yet). */
  ready: Promise<Answer>;
  /** Sends the held response. */
  release(): void;
  /** Answers with this error instead; whatever the pipeline still writes is dropped. */
  replaceWith(error: unknown): void;
}

/**
 * Keeps the response from reaching the client until its fate is decided: chunks are collected,
 * and `end` only records that the answer is complete. A client that retries as soon as it has the
 * answer must find it stored.
 */
function holdAnswer(res: Response): HeldAnswer {
  const chunks: Buffer[] = [];
  const write = res.write;
  const end = res.end;
  let complete: (answer: Answer) => void = () => {};
  const ready = new Promise<Answer>((resolve) => {
    complete = resolve;
  });
  let done = false;
  res.write = ((chunk: unknown) => {
    if (!done) collect(chunks, chunk);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (done) return res;
    if (typeof chunk !== 'function') collect(chunks, chunk);
    done = true;
    complete({ status: res.statusCode, body: parseJson(Buffer.concat(chunks).toString('utf8')) });
    return res;
  }) as typeof res.end;
  return {
    ready,
    release: () => {
      res.write = write;
      res.end = end;
      res.end(Buffer.concat(chunks));
    },
    replaceWith: (error) => {
      done = true;
      const swallow = { write: res.write, end: res.end };
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.write = write;
      res.end = end;
      res.removeHeader('content-length');
      sendError(res, error, res.req);
      Object.assign(res, swallow);
    },
  };
}

function replay(res: Response, record: StoredRecord, requestHash: string): void {
  if (record.requestHash !== requestHash) {
    throw new DomainError(
      'UNPROCESSABLE',
      'This Idempotency-Key was already used with a different request; use a new key for a new request.',
    );
  }
  res.setHeader('idempotent-replayed', 'true');
  res.status(record.responseStatus ?? 200).json(record.responseBody);
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
