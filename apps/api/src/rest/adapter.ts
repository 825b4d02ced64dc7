import { DomainError } from '@switchboard/core';
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import express, { type Request, type Response } from 'express';
import type { Context } from '../trpc/context';
import type { ProcedureMeta } from '../trpc/init';
import { coerceQuery } from './query-coercion';
import { sendError } from './send-error';
import { sendJson } from './send-json';

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
 * input from path, query and body, calls the same procedure tRPC serves (as createCaller does,
 * without building its proxy per request), and answers errors as `{ error, message }`. The
 * OpenAPI document is generated from the same metadata (./openapi).
 */
export function createRestRouter(options: {
  router: AnyTRPCRouter;
  createContext: (req: Request) => Context;
}): express.RequestHandler {
  // Literal paths first, so `/v1/manage/groups` is not taken for `/v1/manage/group/{groupId}`-like patterns.
  const operations = restOperations(options.router).sort(
    (a, b) => paramCount(a.path) - paramCount(b.path) || b.path.length - a.path.length,
  );
  // Express tries routes one by one. A route can only match a path with as many segments as its
  // own (parameters never span a "/"), so a request is tried against the routes of its segment
  // count only, in the same order, instead of all of them: the same first match, the same errors
  // (a param that is not valid percent-encoding), the same automatic OPTIONS answer.
  const bySegments = new Map<number, express.Router>();
  for (const operation of operations) {
    const expressPath = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const method = operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const count = segmentCount(expressPath);
    const router = bySegments.get(count) ?? express.Router();
    bySegments.set(count, router);
    router[method](expressPath, handle(operation, options.createContext));
  }
  return (req, res, next) => {
    const router = bySegments.get(segmentCount(req.path));
    if (router) return router(req, res, next);
    next();
  };
}

/** Path segments; one trailing slash does not count (Express matches `/a/` as `/a`). */
function segmentCount(path: string): number {
  const end = path.length > 1 && path.endsWith('/') ? path.length - 1 : path.length;
  let segments = 0;
  for (let i = 0; i < end; i++) if (path.charCodeAt(i) === 47) segments++;
  return segments;
}

function handle(operation: RestOperation, createContext: (req: Request) => Context) {
  const { procedure, procedurePath } = operation;
  const status = operation.meta.rest?.status ?? 200;
  return async (req: Request, res: Response) => {
    try {
      const input = buildInput(operation, req);
      const data = await procedure({
        path: procedurePath,
        getRawInput: async () => input,
        ctx: createContext(req),
        type: procedure._def.type,
        signal: undefined,
        batchIndex: 0,
      });
      sendJson(req, res, status, data ?? null);
    } catch (error) {
      sendError(res, error, req);
    }
  };
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
