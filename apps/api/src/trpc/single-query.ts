import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
} from '@trpc/server/unstable-core-do-not-import';
import type { NextFunction, Request, Response } from 'express';
import type { Context } from './context';

/**
 * The commonest tRPC request, one query by GET (`/trpc/conversations.get?input={…}`), answered
 * directly. tRPC's own HTTP adapter turns every request into a Fetch `Request` (URL, `Headers`,
 * `AbortController`), runs it through its generic resolver and streams the answer back through a
 * web stream in two writes; for one small query that cost as much CPU as the query itself. Here
 * the same procedure is called with the same context and input, and the answer is the one tRPC
 * writes: `{"result":{"data":…}}`, or `{"error":<errorFormatter shape>}` with the shape's HTTP
 * status, `content-type: application/json` and `vary: trpc-accept, accept`.
 *
 * Anything else goes on to tRPC's adapter, which has done nothing yet: batches, mutations, other
 * methods, unknown or percent-encoded paths, a body content type, streaming (`trpc-accept`,
 * `accept: application/jsonl`), extra query parameters, and input that is not valid JSON.
 * test/trpc-single-query.test.ts compares both answers for the same requests.
 */
export function singleQuery(options: { router: AnyTRPCRouter; createContext: (req: Request) => Context }) {
  const procedures = options.router._def.procedures as Record<string, AnyTRPCProcedure>;
  const config = options.router._def._config;
  return async (req: Request, res: Response, next: NextFunction) => {
    const call = queryCall(req, procedures);
    if (!call) return next();
    const ctx = options.createContext(req);
    let status = 200;
    let body: unknown;
    try {
      const data = await call.procedure({
        path: call.path,
        getRawInput: async () => call.input,
        ctx,
        type: 'query',
        signal: undefined,
        batchIndex: 0,
      });
      body = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      const shape = getErrorShape({ config, ctx, error, input: call.input, path: call.path, type: 'query' });
      body = { error: shape };
      status = getHTTPStatusCode({ id: null, error: shape }, [error]);
    }
    res.statusCode = status;
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
}

interface QueryCall {
  path: string;
  procedure: AnyTRPCProcedure;
  input: unknown;
}

const procedureName = /^\/([\w.]+)$/;

function queryCall(req: Request, procedures: Record<string, AnyTRPCProcedure>): QueryCall | undefined {
  if (req.method !== 'GET') return undefined;
  const headers = req.headers;
  if (headers['content-type'] !== undefined || headers['trpc-accept'] !== undefined) return undefined;
  if (headers.accept?.includes('application/jsonl')) return undefined;
  const path = procedureName.exec(req.path)?.[1];
  if (path === undefined || !Object.hasOwn(procedures, path)) return undefined;
  const procedure = procedures[path] as AnyTRPCProcedure;
  if (procedure._def.type !== 'query') return undefined;
  // Read the query string as tRPC does (URLSearchParams), not with Express's parser.
  const queryStart = req.url.indexOf('?');
  if (req.url.includes('#')) return undefined;
  let input: unknown;
  let seen = false;
  for (const [key, value] of new URLSearchParams(queryStart < 0 ? '' : req.url.slice(queryStart + 1))) {
    if (key !== 'input' || seen) return undefined;
    seen = true;
    if (value === '') continue; // tRPC reads an empty input as none
    try {
      input = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return { path, procedure, input };
}
