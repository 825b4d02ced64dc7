import { DomainError, type DomainErrorCode } from '@switchboard/core';
import type { NextFunction, Request, Response } from 'express';

/**
 * Bounds on any input, checked before anything else reads it. Depth and list length are above
 * what any operation accepts (settings patches nest 4–5 levels; the longest lists are 1000 agent
 * ids, phrases or routes). The count of values bounds the work of validation, which makes an
 * issue with a path and a message for every wrong value: 100 000 wrong phrases (a 200 KB body)
 * cost 0.4–0.5 s of CPU and 60–90 MB; 50 000 is a quarter second and still admits, say,
 * 100 entities of 490 phrases in one request.
 */
const inputLimits = { depth: 32, items: 1000, values: 50_000 } as const;

/**
 * Keys that name JavaScript's prototype machinery: copied into a plain object (as validation
 * and JSON tools do) they are dropped or change the object's prototype instead of becoming data,
 * so what was acknowledged would not be what is stored.
 */
const reservedKeys = new Set(['__proto__', 'constructor', 'prototype']);

// PostgreSQL text and jsonb cannot hold NUL, and jsonb refuses unpaired UTF-16 surrogates: such
// text can never be stored, so it is refused up front instead of failing inside a write (500).
const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || unpairedSurrogate.test(text);

export interface InputProblem {
  code: Extract<DomainErrorCode, 'VALIDATION' | 'PAYLOAD_TOO_LARGE'>;
  field: string;
  message: string;
}

/** A problem found deep in the input; the path is built on the way out, only when there is one. */
interface Found {
  path: (string | number)[];
  code: InputProblem['code'];
  describe(field: string): string;
}

const found = (code: Found['code'], describe: Found['describe']): Found => ({ path: [], code, describe });

/**
 * The first problem no procedure could store or walk safely: text PostgreSQL cannot hold (in a
 * value or a key), a reserved key, nesting deeper than inputLimits.depth (recursive JSON code
 * would overflow the stack), a list longer than inputLimits.items or more than
 * inputLimits.values values in all. One pass that allocates nothing per value (a path is only
 * made for the problem it reports), so its time and memory are bounded by the input's size;
 * recursion is bounded by the depth limit, so hostile nesting cannot overflow it either.
 */
export function findUnsafeInput(input: unknown, scope: Scope = 'everything'): InputProblem | undefined {
  const problem = visit(input, 0, {
    values: 0,
    content: scope === 'everything',
    reservedKeys: scope !== 'shape',
  });
  if (!problem) return undefined;
  const field = problem.path.length > 0 ? problem.path.join('.') : '(body)';
  return { code: problem.code, field, message: problem.describe(field) };
}

/**
 * `shape`: only the size and nesting limits; `shape+keys`: also reserved keys (a REST body, which a
 * vendor dialect may map to a procedure's input dropping such a key: acknowledged, then not
 * stored); `everything`: also text and keys PostgreSQL cannot hold.
 */
type Scope = 'shape' | 'shape+keys' | 'everything';

interface Walk {
  values: number;
  content: boolean;
  reservedKeys: boolean;
}

function visit(value: unknown, depth: number, walk: Walk): Found | undefined {
  if (++walk.values > inputLimits.values) {
    return found(
      'PAYLOAD_TOO_LARGE',
      () => `The input holds more than ${inputLimits.values} values; send fewer in one request.`,
    );
  }
  if (typeof value === 'string') {
    return walk.content && unstorable(value)
      ? found(
          'VALIDATION',
          (field) => `${field} contains a NUL character or an unpaired surrogate; send valid Unicode text.`,
        )
      : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= inputLimits.depth) {
    return found('VALIDATION', (field) => `${field} is nested more than ${inputLimits.depth} levels deep.`);
  }
  if (Array.isArray(value)) {
    if (value.length > inputLimits.items) {
      return found(
        'VALIDATION',
        (field) => `${field} has ${value.length} items; no list accepts more than ${inputLimits.items}.`,
      );
    }
    for (let index = 0; index < value.length; index++) {
      const problem = visit(value[index], depth + 1, walk);
      if (problem) return within(problem, index);
    }
    return undefined;
  }
  let keys = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (++keys > inputLimits.items) {
      return found('VALIDATION', (field) => `${field} has more than ${inputLimits.items} keys.`);
    }
    const keyProblem = walk.content || walk.reservedKeys ? problemOfKey(key, walk.content) : undefined;
    if (keyProblem) return keyProblem;
    const problem = visit((value as Record<string, unknown>)[key], depth + 1, walk);
    if (problem) return within(problem, key);
  }
  return undefined;
}

function problemOfKey(key: string, content: boolean): Found | undefined {
  if (content && unstorable(key)) {
    return found(
      'VALIDATION',
      (field) => `${field} has a key with a NUL character or an unpaired surrogate.`,
    );
  }
  if (reservedKeys.has(key)) {
    return found(
      'VALIDATION',
      (field) =>
        `${field} has the key "${key}", which is reserved (__proto__, constructor, prototype); rename it.`,
    );
  }
  return undefined;
}

function within(problem: Found, step: string | number): Found {
  // Too many values in all is about the whole input, not the place where counting stopped.
  if (problem.code !== 'PAYLOAD_TOO_LARGE') problem.path.unshift(step);
  return problem;
}

export function assertSafeInput(input: unknown, scope: Scope = 'everything'): void {
  const problem = findUnsafeInput(input, scope);
  if (problem) throw new DomainError(problem.code, problem.message, { field: problem.field });
}

/**
 * Refuses a parsed JSON body whose shape breaks the limits above before anything walks it (the
 * Idempotency-Key hash, JSON Patch, validation): deep nesting overflowed the stack and answered
 * 500, and a million-item list exhausted the embedded API's heap; a reserved key is refused here
 * too (a dialect may drop it while mapping the body). Text and keys are checked again by
 * each procedure (tRPC's `refuseUnsafeInput`), which sees queries' input from the URL too and
 * answers in the caller's envelope.
 */
export function refuseUnsafeBodies() {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.body === undefined) return next();
    try {
      // tRPC procedures check keys themselves and answer in tRPC's envelope.
      assertSafeInput(req.body, req.path.startsWith('/trpc') ? 'shape' : 'shape+keys');
      next();
    } catch (error) {
      next(error);
    }
  };
}
