import type { Logger } from '@slack/bolt';
import { describe, expect, test } from 'vitest';
import { CursorWriter } from './cursor-writer';

const quiet = { warn: () => {} } as unknown as Logger;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CursorWriter', () => {
  test('events handled within the window are stored once, as the highest sequence', async () => {
    const written: number[] = [];
    const cursor = new CursorWriter(async (sequence) => written.push(sequence), 50, quiet);
    for (const sequence of [3, 5, 4]) cursor.note(sequence);
    expect(written).toEqual([]);
    await pause(120);
    expect(written).toEqual([5]);
    cursor.note(6);
    await cursor.flush();
    expect(written).toEqual([5, 6]);
  });

  test('a failed write is logged and the next one still goes out', async () => {
    const written: number[] = [];
    const warnings: string[] = [];
    let fail = true;
    const cursor = new CursorWriter(
      async (sequence) => {
        if (fail) throw new Error('API down');
        written.push(sequence);
      },
      10,
      { warn: (line: string) => warnings.push(line) } as unknown as Logger,
    );
    cursor.note(1);
    await cursor.flush();
    fail = false;
    cursor.note(2);
    await cursor.flush();
    expect(written).toEqual([2]);
    expect(warnings[0]).toContain('API down');
  });
});
