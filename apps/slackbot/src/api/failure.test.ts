import { TRPCClientError } from '@trpc/client';
import { describe, expect, test } from 'vitest';
import { describeApiFailure } from './failure';

const clientError = (cause: Error) => TRPCClientError.from(cause);

describe('describeApiFailure', () => {
  test('a timeout says how long the bot waited', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(describeApiFailure(clientError(timeout), 2500)).toEqual({
      kind: 'timeout',
      message:
        'Switchboard did not answer within 2.5 s. Nothing may have changed; check and try again in a moment.',
    });
  });

  test('a refused connection is "unreachable"', () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(describeApiFailure(clientError(refused), 2500).kind).toBe('unreachable');
  });

  test("the API's refusal keeps its message, status and criteria position", () => {
    const error = TRPCClientError.from({
      error: {
        message: 'criteria: Unknown field "prio" at 1:18',
        code: -32600,
        data: {
          httpStatus: 400,
          domainCode: 'INVALID_CRITERIA',
          details: { offset: 17, line: 1, column: 18, code: 'UNKNOWN_FIELD' },
        },
      },
    });
    expect(describeApiFailure(error, 2500)).toEqual({
      kind: 'refused',
      message: 'criteria: Unknown field "prio" at 1:18',
      status: 400,
      position: { offset: 17, line: 1, column: 18 },
    });
  });

  test('anything else is unexpected', () => {
    expect(describeApiFailure(new Error('boom'), 2500).kind).toBe('unexpected');
  });
});
