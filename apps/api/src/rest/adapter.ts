import { DomainError } from '@switchboard/core';
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import express, { type Request, type Response } from 'express';
import type { Context } from '../trpc/context';
import type { ProcedureMeta } from '../trpc/init';
import { coerceQuery } from './query-coercion';
import { sendError } from './send-error';

type Caller = (path: string, input: unknown, ctx: Context) => Promise<unknown>;

export interface RestOperation {
  path: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  procedurePath: string;
  procedure: AnyTRPCProcedure;
  meta: ProcedureMeta;
}

/** Every procedure that declares an `openapi` route, as REST operations. */
export function restOperations(router: AnyTRPCRouter): RestOperation[] {
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure>;
  return Object.entries(procedures).flatMap(([procedurePath, procedure]) => {
    const meta = procedure._def.meta as ProcedureMeta | undefined;
    if (!meta?.openapi) return [];
    return [{ path: meta.openapi.path, method: meta.openapi.method, procedurePath, procedure, meta }];
  });
}

/**
 * The REST adapter: each operation's path becomes an Express route that builds the procedure's
 * input from path, query and body, calls the same procedure tRPC serves, and answers errors as
 * `{ error, message }`. The OpenAPI document is generated from the same metadata (./openapi).
 */
export function createRestRouter(options: {
  router: AnyTRPCRouter;
  call: Caller;
  createContext: (req: Request) => Context;
}): express.Router {
  const rest = express.Router();
  // Literal paths first, so `/v1/manage/groups` is not taken for `/v1/manage/group/{groupId}`-like patterns.
  const operations = restOperations(options.router).sort(
    (a, b) => paramCount(a.path) - paramCount(b.path) || b.path.length - a.path.length,
  );
  for (const operation of operations) {
    const expressPath = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const method = operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    rest[method](expressPath, async (req: Request, res: Response) => {
      try {
        const input = buildInput(operation, req);
        const data = await options.call(operation.procedurePath, input, options.createContext(req));
        res.status(operation.meta.rest?.status ?? 200).json(data ?? null);
      } catch (error) {
        sendError(res, error, req);
      }
    });
  }
  return rest;
}

function buildInput(operation: RestOperation, req: Request): unknown {
  const schema = operation.procedure._def.inputs[0];
  const params = req.params as Record<string, string>;
  if (operation.method === 'GET' || operation.method === 'DELETE') {
    return { ...coerceQuery(schema, req.query as Record<string, unknown>), ...params };
  }
  const body: unknown = req.body;
  if (body === undefined && hasBody(req)) {
    throw new DomainError(
      'VALIDATION',
      'Send the request body as JSON with "Content-Type: application/json".',
      {
        field: '(body)',
      },
    );
  }
  const query = coerceQuery(schema, req.query as Record<string, unknown>);
  const preconditions = expectedVersionFrom(req);
  const bodyAs = operation.meta.rest?.bodyAs;
  if (bodyAs) return { ...query, [bodyAs]: body, ...preconditions, ...params };
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new DomainError('VALIDATION', 'The request body must be a JSON object.', { field: '(body)' });
  }
  return { ...query, ...(body as object), ...preconditions, ...params };
}

/**
 * `If-Match: "<version>"` (or a bare number) is optimistic concurrency over HTTP; procedures that
 * support it take `expectedVersion`, others drop the extra field.
 */
function expectedVersionFrom(req: Request): { expectedVersion?: number } {
  const header = req.headers['if-match'];
  if (header === undefined) return {};
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new DomainError('VALIDATION', 'If-Match must be a conversation version, e.g. If-Match: "3".', {
      field: 'if-match',
    });
  }
  return { expectedVersion: Number(match[1]) };
}

const hasBody = (req: Request): boolean =>
  Number(req.headers['content-length'] ?? 0) > 0 || 'transfer-encoding' in req.headers;

const paramCount = (path: string): number => (path.match(/\{/g) ?? []).length;
