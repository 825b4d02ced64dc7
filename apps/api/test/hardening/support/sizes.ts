/**
 * How much each hardening part tries. Defaults fit CI (2 cores, a few minutes for the whole suite);
 * `HARDENING_DEEP=1` multiplies them for local runs, and each size can be set on its own.
 */
const deep = process.env.HARDENING_DEEP === '1';

function size(name: string, normal: number, deepValue: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return deep ? deepValue : normal;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

export const sizes = {
  deep,
  /** Malformed REST requests over all operations (issue 7 asks for at least 5 000 per run). */
  fuzzRequests: size('HARDENING_FUZZ_REQUESTS', 5_000, 40_000),
  /** Random and mutated criteria, each sent through preview, list and group create. */
  criteriaCases: size('HARDENING_CRITERIA_CASES', 300, 3_000),
  /** Requests in flight at once while fuzzing. */
  fuzzConcurrency: size('HARDENING_FUZZ_CONCURRENCY', 6, 12),
  /** Concurrent writers in the kill -9 burst, and how many kill/restart cycles per database. */
  crashWriters: size('HARDENING_CRASH_WRITERS', 6, 16),
  crashCycles: size('HARDENING_CRASH_CYCLES', 2, 5),
  /** Conversations raced on by route / assign / close from two processes. */
  raceConversations: size('HARDENING_RACE_CONVERSATIONS', 16, 80),
  /** Forged and replayed Slack deliveries. */
  slackForgeries: size('HARDENING_SLACK_FORGERIES', 60, 500),
  /** Conversations waiting on a full queue that a capacity raise must drain (issue 16 asks for 10 000). */
  drainConversations: size('HARDENING_DRAIN_CONVERSATIONS', 1_500, 10_000),
  /** fast-check seed: printed by every part, so a failure can be replayed. */
  seed: size('HARDENING_SEED', Date.now() % 2_147_483_647, Date.now() % 2_147_483_647),
};
