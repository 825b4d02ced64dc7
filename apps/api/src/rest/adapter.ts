import { DomainError } from '@switchboard/core';
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import express, { type Request, type Response } from 'express';
import type { Dialect, DialectOperation, RestRequest } from '../dialects/dialect';
import { expectedVersionFrom } from '../http/if-match';
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

/** What the adapter mounts: a procedure (or one per body form), its input and its answer. */
interface Route {
  method: RestOperation['method'];
  path: string;
  procedureFor(req: Request): { path: string; procedure: AnyTRPCProcedure };
  input(req: Request, procedure: AnyTRPCProcedure): unknown;
  present(output: unknown, req: Request): unknown;
  status: number;
  /** The path's family's rewrite of the serialized answer (../dialects `writeBody`). */
  writeBody?: ((json: string) => string) | undefined;
}

/**
 * The REST adapter: each operation's path becomes an Express route that builds the procedure's
 * input from path, query and body, calls the same procedure tRPC serves (as createCaller does,
 * without building its proxy per request), and answers errors in the envelope of the path's
 * vendor family (./send-error). Routes come from the procedures' own `openapi` metadata and from
 * the vendor dialects' operation tables (../dialects); the OpenAPI document is generated from
 * the same two sources (./openapi).
 */
export function createRestRouter(options: {
  router: AnyTRPCRouter;
  dialects: readonly Dialect[];
  createContext: (req: Request) => Context;
}): express.RequestHandler {
  const routes = [
    ...restOperations(options.router).map(metaRoute),
    ...options.dialects.flatMap((dialect) =>
      dialect.operations.map((operation) => dialectRoute(options.router, operation)),
    ),
  ];
  assertOnePerPath(routes);
  // Decided once per route, not per request: the family that owns the path rewrites its answers.
  for (const route of routes) {
    route.writeBody = options.dialects.find((dialect) => dialect.owns(route.path))?.writeBody;
  }
  // Literal paths first, so `/v1/manage/groups` is not taken for `/v1/manage/group/{groupId}`-like patterns.
  routes.sort((a, b) => paramCount(a.path) - paramCount(b.path) || b.path.length - a.path.length);
  // Express tries routes one by one. A route can only match a path with as many segments as its
  // own (parameters never span a "/"), so a request is tried against the routes of its segment
  // count only, in the same order, instead of all of them: the same first match, the same errors
  // (a param that is not valid percent-encoding), the same automatic OPTIONS answer.
  const bySegments = new Map<number, express.Router>();
  for (const route of routes) {
    const expressPath = toExpressPath(route.path);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const count = segmentCount(expressPath);
    const router = bySegments.get(count) ?? express.Router();
    bySegments.set(count, router);
    router[method](expressPath, handle(route, options.createContext));
  }
  return (req, res, next) => {
    const router = bySegments.get(segmentCount(req.path));
    if (router) return router(req, res, next);
    next();
  };
}

/** `{name}` parameters become Express's `:name`; a literal ":" (Symbl's `token:generate`) is escaped. */
const toExpressPath = (path: string): string => path.replace(/:/g, '\\:').replace(/\{(\w+)\}/g, ':$1');

function metaRoute(operation: RestOperation): Route {
  const target = { path: operation.procedurePath, procedure: operation.procedure };
  return {
    method: operation.method,
    path: operation.path,
    procedureFor: () => target,
    input: (req, procedure) => buildInput(operation.method, operation.meta.rest?.bodyAs, procedure, req),
    present: (output) => output,
    status: operation.meta.rest?.status ?? 200,
  };
}

function dialectRoute(router: AnyTRPCRouter, operation: DialectOperation): Route {
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure>;
  const find = (path: string) => {
    const procedure = procedures[path];
    if (!procedure) throw new Error(`${operation.method} ${operation.path}: no procedure "${path}"`);
    return { path, procedure };
  };
  const named = operation.procedure;
  const forObject = find(typeof named === 'string' ? named : named.object);
  const forArray = typeof named === 'string' ? forObject : find(named.array);
  const present = (operation.present ?? ((output: unknown) => output)) as (
    output: unknown,
    request: RestRequest,
  ) => unknown;
  return {
    method: operation.method,
    path: operation.path,
    procedureFor: (req) => (Array.isArray(req.body) ? forArray : forObject),
    input: (req, procedure) =>
      operation.input
        ? operation.input(restRequest(req, procedure))
        : buildInput(operation.method, undefined, procedure, req),
    present: (output, req) => present(output, restRequest(req)),
    status: operation.status ?? 200,
  };
}

/** The request as a dialect sees it; the query is read into the procedure's input types. */
const restRequest = (req: Request, procedure?: AnyTRPCProcedure): RestRequest => ({
  params: req.params as Record<string, string>,
  query: procedure
    ? coerceQuery(procedure._def.inputs[0], req.query as Record<string, unknown>)
    : (req.query as Record<string, unknown>),
  body: req.body,
  headers: req.headers,
});

/** One place per path: a dialect row and a procedure's own metadata never claim the same route. */
function assertOnePerPath(routes: Route[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`Two REST operations claim ${key}`);
    seen.add(key);
  }
}

/** Path segments; one trailing slash does not count (Express matches `/a/` as `/a`). */
function segmentCount(path: string): number {
  const end = path.length > 1 && path.endsWith('/') ? path.length - 1 : path.length;
  let segments = 0;
  for (let i = 0; i < end; i++) if (path.charCodeAt(i) === 47) segments++;
  return segments;
}

function handle(route: Route, createContext: (req: Request) => Context) {
  return async (req: Request, res: Response) => {
    try {
      const { path, procedure } = route.procedureFor(req);
      const data = await procedure({
        path,
        // Read when the procedure asks for it, after its auth middleware: a caller without a
        // credential hears 401, not what is wrong with its body.
        getRawInput: async () => route.input(req, procedure),
        ctx: createContext(req),
        type: procedure._def.type,
        signal: undefined,
        batchIndex: 0,
      });
      sendJson(req, res, route.status, route.present(data, req) ?? null, route.writeBody);
    } catch (error) {
      sendError(res, error, req);
    }
  };
}

function buildInput(
  method: RestOperation['method'],
  bodyAs: string | undefined,
  procedure: AnyTRPCProcedure,
  req: Request,
): unknown {
  const schema = procedure._def.inputs[0];
  const params = req.params as Record<string, string>;
  if (method === 'GET' || method === 'DELETE') {
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
  const preconditions = expectedVersionFrom(req.headers);
  if (bodyAs) return { ...query, [bodyAs]: body, ...preconditions, ...params };
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new DomainError('VALIDATION', 'The request body must be a JSON object.', { field: '(body)' });
  }
  return { ...query, ...(body as object), ...preconditions, ...params };
}

const hasBody = (req: Request): boolean =>
  Number(req.headers['content-length'] ?? 0) > 0 || 'transfer-encoding' in req.headers;

const paramCount = (path: string): number => (path.match(/\{/g) ?? []).length;
