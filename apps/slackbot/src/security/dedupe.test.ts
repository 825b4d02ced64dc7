import type { Logger } from '@slack/bolt';
import { describe, expect, test } from 'vitest';
import { dedupeDeliveries, deliveryKey } from './dedupe';
import { ExpiringSet } from './expiring-set';

describe('ExpiringSet', () => {
  test('a key is new once within its TTL, and new again after it', () => {
    let now = 0;
    const set = new ExpiringSet(10, 1000, () => now);
    expect(set.addIfNew('a')).toBe(true);
    expect(set.addIfNew('a')).toBe(false);
    now = 999;
    expect(set.addIfNew('a')).toBe(false);
    now = 1000;
    expect(set.addIfNew('a')).toBe(true);
  });

  test('holds at most maxEntries, forgetting the oldest', () => {
    const set = new ExpiringSet(2, 60_000);
    set.addIfNew('a');
    set.addIfNew('b');
    set.addIfNew('c');
    expect(set.size).toBe(2);
    expect(set.addIfNew('a')).toBe(true);
    expect(set.addIfNew('c')).toBe(false);
  });
});

describe('deliveryKey', () => {
  test.each([
    [{ event_id: 'Ev1', type: 'event_callback' }, 'event:Ev1'],
    [{ command: '/conv', user_id: 'U1', trigger_id: 't.1' }, 'command:U1:t.1'],
    [
      {
        type: 'block_actions',
        user: { id: 'U1' },
        trigger_id: 't.2',
        actions: [{ action_id: 'conv_route', action_ts: '17.1' }],
      },
      'action:U1:conv_route:17.1:t.2',
    ],
    [{ type: 'view_submission', user: { id: 'U1' }, trigger_id: 't.3' }, 'view_submission:U1:t.3'],
    [{ type: 'url_verification' }, undefined],
  ])('%j → %s', (body, key) => {
    expect(deliveryKey(body)).toBe(key);
  });

  test('two clicks of the same button are different deliveries', () => {
    const click = (ts: string) => ({
      type: 'block_actions',
      user: { id: 'U1' },
      trigger_id: `t.${ts}`,
      actions: [{ action_id: 'conv_route', action_ts: ts }],
    });
    expect(deliveryKey(click('1'))).not.toBe(deliveryKey(click('2')));
  });
});

describe('dedupeDeliveries', () => {
  const logger = { info: () => {}, warn: () => {} } as unknown as Logger;

  /** Runs the middleware on `body` with a claim the test answers, recording the order of steps. */
  function deliver(body: Record<string, unknown>) {
    const steps: string[] = [];
    let answer: (first: boolean) => void = () => {};
    const middleware = dedupeDeliveries(
      (key) => {
        steps.push(`claim ${key.split(':')[0]}`);
        return new Promise<boolean>((resolve) => {
          answer = resolve;
        });
      },
      { claimTimeoutMs: 60_000 },
    );
    const done = middleware({
      body,
      ack: async () => {
        steps.push('ack');
      },
      next: async () => {
        steps.push('work');
      },
      logger,
      context: {},
    } as unknown as Parameters<typeof middleware>[0]);
    return { steps, answer: (first: boolean) => answer(first), done };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  test('a slash command is acknowledged before the API is asked whether it is a repeat', async () => {
    const run = deliver({ command: '/conv', user_id: 'U1', trigger_id: 't.early' });
    await settle();
    expect(run.steps).toEqual(['ack', 'claim command']);
    run.answer(true);
    await run.done;
    expect(run.steps).toEqual(['ack', 'claim command', 'work']);
  });

  test('a repeated click is acknowledged at once and its work dropped', async () => {
    const click = {
      type: 'block_actions',
      user: { id: 'U1' },
      trigger_id: 't.again',
      actions: [{ action_id: 'conv_route', action_ts: '1.1' }],
    };
    const run = deliver(click);
    await settle();
    expect(run.steps).toEqual(['ack', 'claim action']);
    run.answer(false);
    await run.done;
    expect(run.steps).toEqual(['ack', 'claim action']);
  });

  test('a modal submission keeps its ack for the listener (it may answer with errors)', async () => {
    const run = deliver({ type: 'view_submission', user: { id: 'U1' }, trigger_id: 't.view' });
    await settle();
    expect(run.steps).toEqual(['claim view_submission']);
    run.answer(true);
    await run.done;
    expect(run.steps).toEqual(['claim view_submission', 'work']);
  });
});
