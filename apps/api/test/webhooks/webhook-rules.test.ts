import { describe, expect, test } from 'vitest';
import { classifyOutcome } from '../../src/webhooks/classify-outcome';
import { nextAttemptAt, parseRetryAfter } from '../../src/webhooks/retry-schedule';
import { defaultWebhookSettings } from '../../src/webhooks/settings';
import { isPublicAddress } from '../../src/webhooks/target-address';

describe('webhook target addresses', () => {
  test.each([
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // AWS / GCP / Azure instance metadata
    ['100.100.100.200', false], // Alibaba Cloud metadata, carrier-grade NAT
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00:ec2::254', false], // AWS metadata over IPv6, unique-local
    ['fc00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['64:ff9b::7f00:1', false], // NAT64 form of 127.0.0.1
    ['2002:7f00:1::1', false], // 6to4 form of 127.0.0.1
    ['not an address', false],
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['::ffff:8.8.8.8', true],
    ['2606:4700:4700::1111', true],
  ])('%s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('attempt verdicts', () => {
  const answer = (status: number) => ({ kind: 'response' as const, status, body: '', retryAfter: undefined });
  test.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'failed'],
    [401, 'failed'],
    [404, 'failed'],
    [410, 'failed'],
    [302, 'failed'],
  ])('HTTP %i → %s', (status, verdict) => {
    expect(classifyOutcome(answer(status))).toBe(verdict);
  });
  test('a network error or timeout is retried', () => {
    expect(classifyOutcome({ kind: 'error', error: 'ECONNREFUSED' })).toBe('retry');
  });
});

describe('retry schedule', () => {
  const schedule = defaultWebhookSettings;
  const first = new Date('2026-01-01T00:00:00Z');
  const delayAfter = (
    attempts: number,
    random: number,
    retryAfterMs: number | null = null,
    elapsedMs = 0,
  ) => {
    const now = new Date(first.getTime() + elapsedMs);
    const at = nextAttemptAt({
      attempts,
      firstAttemptAt: first,
      now,
      retryAfterMs,
      schedule,
      random: () => random,
    });
    return at === null ? null : at.getTime() - now.getTime();
  };

  test('grows 4× per attempt from the base, jittered within ±20 %', () => {
    expect(delayAfter(1, 0.5)).toBe(5_000);
    expect(delayAfter(2, 0.5)).toBe(20_000);
    expect(delayAfter(3, 0.5)).toBe(80_000);
    expect(delayAfter(1, 0)).toBe(4_000);
    expect(delayAfter(1, 1)).toBe(6_000);
  });

  test('is capped at the maximum delay', () => {
    expect(delayAfter(20, 0.5)).toBe(schedule.maxRetryDelayMs);
  });

  test('never retries sooner than Retry-After asks, nor later than the cap', () => {
    expect(delayAfter(1, 0.5, 60_000)).toBe(60_000);
    expect(delayAfter(1, 0.5, 30 * 86_400_000)).toBe(schedule.maxRetryDelayMs);
  });

  test('dead-letters when the next attempt would fall after the deadline', () => {
    expect(delayAfter(9, 0.5, null, 23 * 3_600_000)).toBeNull();
    expect(delayAfter(2, 0.5, null, 3_600_000)).toBe(20_000);
  });

  test('Retry-After in seconds or as an HTTP date; nonsense is ignored', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
