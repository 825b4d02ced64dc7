import type { DatabaseKind } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, describe, expect, test } from 'vitest';
import type { ApiProcess } from '../support/api-process';
import { type ChildApiSetup, childApiSetup } from './support/child-api';
import { report, Tally } from './support/http';
import { sizes } from './support/sizes';

/** One create sent with an Idempotency-Key; `answer` is set once it was answered. */
interface KeyedWrite {
  key: string;
  answer?: { status: number; id?: string };
}

async function create(
  url: string,
  apiKey: string,
  write: KeyedWrite,
): Promise<{ status: number; id?: string; replayed: boolean }> {
  const res = await fetch(`${url}/ccaas/1/conversations`, {
    method: 'POST',
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json', 'idempotency-key': write.key },
    body: JSON.stringify({ topic: write.key, metadata: { key: write.key } }),
  });
  const body = (await res.json()) as { id?: string };
  return {
    status: res.status,
    ...(body.id ? { id: body.id } : {}),
    replayed: res.headers.get('idempotent-replayed') === 'true',
  };
}

/** `writers` sequential writers, each with a fresh key per create, until the process dies. */
async function keyedBurst(
  url: string,
  apiKey: string,
  writers: number,
  prefix: string,
  onAnswer: () => void,
) {
  const writes: KeyedWrite[] = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; ; n++) {
        const write: KeyedWrite = { key: `${prefix}-w${w}-n${n}` };
        writes.push(write);
        try {
          write.answer = await create(url, apiKey, write);
        } catch {
          return; // the process is gone while this write was in flight
        }
        onAnswer();
      }
    }),
  );
  return writes;
}

// Issue 17, item 2: a write in flight at kill -9, retried after the restart with the same
// Idempotency-Key, answered 409 "still in progress" for 24 hours, because the claim on the key was
// committed on its own, before the effect. Now the claim, the effect and the stored answer commit
// together: the retry replays the answer when the effect was committed, and runs anew when not.
describe.each(testDatabaseKinds())('Idempotency-Key across kill -9 on %s', (kind: DatabaseKind) => {
  let setup: ChildApiSetup | undefined;
  afterAll(() => setup?.cleanup(), 60_000);

  test('writes in flight at the crash, retried with their keys, replay or run anew: never 409, never twice', async () => {
    setup = await childApiSetup(kind);
    const { key } = setup;
    const writes: KeyedWrite[] = [];
    const tally = new Tally();
    const wrong: string[] = [];
    for (let cycle = 0; cycle < sizes.crashCycles; cycle++) {
      const api: ApiProcess = await setup.start();
      let answered = 0;
      let killed: Promise<number | null> | undefined;
      const killAfter = sizes.crashWriters * 3 + Math.floor(Math.random() * sizes.crashWriters * 4);
      const burst = await keyedBurst(api.url, key, sizes.crashWriters, `idem${cycle}`, () => {
        if (++answered === killAfter) killed = api.stop('SIGKILL');
      });
      await killed;
      writes.push(...burst);

      // Restart on the same data and retry every write of this burst with its key and body.
      const restarted = await setup.start();
      for (const write of burst) {
        const retry = await create(restarted.url, key, write);
        const label = write.answer ? 'answered before the crash' : 'in flight at the crash';
        tally.add(`${label}: ${retry.status}${retry.replayed ? ' replayed' : ' ran'}`);
        const sameAnswer = !write.answer || (retry.replayed && retry.id === write.answer.id);
        if (retry.status !== 200 || !sameAnswer) {
          wrong.push(
            `${write.key} (${label}): retry answered ${retry.status} ${retry.id ?? ''}, first ${JSON.stringify(write.answer)}`,
          );
        }
        // A second retry replays whatever the first retry answered.
        const again = await create(restarted.url, key, write);
        if (!again.replayed || again.id !== retry.id)
          wrong.push(`${write.key}: second retry ${again.status} ${again.id ?? ''}`);
      }
      expect(await restarted.stop('SIGTERM')).toBe(0);
    }

    // Every key's conversation exists exactly once.
    const db = await setup.open();
    try {
      const rows = await db.prisma.conversation.groupBy({
        by: ['topic'],
        where: { topic: { in: writes.map((write) => write.key) } },
        _count: true,
      });
      const counts = new Map(rows.map((row) => [row.topic, row._count]));
      const notOnce = writes
        .filter((write) => counts.get(write.key) !== 1)
        .map((write) => `${write.key}: ${counts.get(write.key) ?? 0}`);
      expect(notOnce).toEqual([]);
    } finally {
      await db.close();
    }
    const inFlight = writes.filter((write) => !write.answer).length;
    report(`idempotency across kill -9 (${kind})`, {
      writes: writes.length,
      inFlightAtKill: inFlight,
      ...tally.toFigures(),
    });
    expect(wrong).toEqual([]);
    expect(inFlight).toBeGreaterThan(0);
  });
});
