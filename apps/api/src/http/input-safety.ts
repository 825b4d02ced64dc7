import { DomainError } from '@switchboard/core';
import type { NextFunction, Request, Response } from 'express';

/** Deeper than any real input (settings patches are the deepest, at 4–5 levels). */
export const MAX_INPUT_DEPTH = 32;

// PostgreSQL text and jsonb cannot hold NUL, and jsonb refuses unpaired UTF-16 surrogates: such
// text can never be stored, so it is refused up front instead of failing inside a write (500).
const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = { test: (text: string) => text.includes('\u0000') || unpairedSurrogate.test(text) };

/**
 * The first problem no procedure could store or walk safely: text PostgreSQL cannot hold (in a
 * value or a key), or nesting deeper than MAX_INPUT_DEPTH (recursive JSON code would overflow
 * the stack). Iterative, so hostile nesting cannot overflow this check itself.
 */
export function findUnsafeInput(input: unknown): { field: string; message: string } | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string[] };
    const field = path.length > 0 ? path.join('.') : '(body)';
    if (typeof value === 'string') {
      if (unstorable.test(value)) {
        return {
          field,
          message: `${field} contains a NUL character or an unpaired surrogate; send valid Unicode text.`,
        };
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      return { field, message: `${field} is nested more than ${MAX_INPUT_DEPTH} levels deep.` };
    }
    for (const [key, child] of Object.entries(value)) {
      if (unstorable.test(key)) {
        return { field, message: `${field} has a key with a NUL character or an unpaired surrogate.` };
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

export function assertSafeInput(input: unknown): void {
  const problem = findUnsafeInput(input);
  if (problem) throw new DomainError('VALIDATION', problem.message, { field: problem.field });
}

/**
 * Refuses parsed JSON bodies that are nested too deeply before anything walks them recursively
 * (the Idempotency-Key hash, JSON Patch): such bodies overflowed the stack and answered 500.
 */
export function refuseDeeplyNestedBodies() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const problem = depthProblem(req.body);
    next(problem ? new DomainError('VALIDATION', problem, { field: '(body)' }) : undefined);
  };
}

function depthProblem(body: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH)
      return `The request body is nested more than ${MAX_INPUT_DEPTH} levels deep.`;
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return undefined;
}
