import type { DatabaseKind } from '@switchboard/db';

/** How much database work the dispatcher batches, by kind of database (see webhook-dispatcher.ts). */
export interface DispatchPolicy {
  /**
   * Whether a claim writes a lease (the attempt, and a time until which no one else takes the
   * row). Needed where several dispatchers share the database; see claim-deliveries.ts.
   */
  leases: boolean;
  /** A subscription's line: attempts claimed ahead of sending, in rounds of its concurrency. */
  prefetchRounds: number;
  /** The line is claimed again when this share of it is left waiting. */
  refillShare: number;
  /** Rounds started by new events (fan-out, then a claim) begin at most this often. */
  fanOutGapMs: number;
  /** Results of finished attempts are written when this many wait… */
  resultBatch: number;
  /** …or this long after the first of them finished. */
  resultDelayMs: number;
}

/**
 * Both databases hold a line of 256 attempts per subscription (32 rounds of 8) and claim again
 * when a quarter of it is left: a claim per ~190 attempts. On PostgreSQL, 4 in flight with a line
 * of 64 refilled at half (a claim per ~30 attempts) delivered 0.39× the bare loop's deliveries a
 * second; a line of 256, 0.47–0.50×; 8 in flight, 0.54–0.58× (scenario 6's throughput harness,
 * the variants run side by side, four runs a side): the claims run on the thread that sends, and
 * fewer of them leave it more time to send. Full benchmark runs of this policy gave 0.38–0.57×,
 * as the bare loop alone went from 8 000 to 11 000 a second.
 *
 * PostgreSQL runs the dispatcher's statements on pooled connections beside the writes, but they
 * share the machine: with a round on every notification and results written as soon as nothing
 * was in flight, a trickle of deliveries (5 a create, 10 subscriptions, scenario 6's write path)
 * cost PostgreSQL 4.1–4.5 ms of CPU per create against 1.9 ms for the writes alone. Rounds at
 * most every 20 ms (at most that much added latency) and results written 100 ms after the first
 * brought it to 3.4–3.6 ms (the variants run alternately, two runs each; 3.2–3.4 ms at 50 ms).
 * Later, on a busier machine (the writes alone 2.4 ms), 5.6–5.7 ms against 5.0–5.3 ms. The
 * creates' rate did not move beyond the runs' spread.
 *
 * The embedded database is one connection on the API's own thread, and each statement costs a
 * fixed several milliseconds of it (parse, plan, the protocol round trips, the commit's fsync)
 * however few rows it touches:
 * at 100 creates/s a round per event (fan-out, claim, result: three statements) took ~6 ms of
 * every create's ~12. There, rounds wait for events to gather (100 ms: at most 10 rounds a
 * second whatever the rate, and at most that much added latency; at 25 ms the rounds still
 * took ~1.9 ms of WebAssembly per create at 100 creates/s, and the API fell behind that rate;
 * at 100 ms, 0.5 ms, and commit → received p99 was 107 ms), and results are written
 * in larger, later batches (500, or 250 ms after the first: with 200 and 100 ms the result writes
 * took enough of the thread that delivery throughput was 0.43–0.54× the bare loop over four runs;
 * after, 0.60×, 0.63× and 0.48×, the bare loop itself varying from 5 243 to 11 020 a second). A
 * success not yet written when the process is killed is sent again after a restart, with the
 * same webhook-id, as any claimed attempt is.
 */
export const dispatchPolicies: Record<DatabaseKind, DispatchPolicy> = {
  postgresql: {
    leases: true,
    prefetchRounds: 32,
    refillShare: 1 / 4,
    fanOutGapMs: 20,
    resultBatch: 100,
    resultDelayMs: 100,
  },
  pglite: {
    // One process opens the data directory (data-dir-lock.ts) and runs the one dispatcher: no
    // one else can claim, and a process that dies takes its claims with it (its deliveries are
    // due at once after the restart, sent again with the same webhook-id). A claim that only
    // reads saves an update of every delivery, about 0.09 ms of the API's thread each.
    leases: false,
    prefetchRounds: 32,
    refillShare: 1 / 4,
    fanOutGapMs: 100,
    resultBatch: 500,
    resultDelayMs: 250,
  },
};
