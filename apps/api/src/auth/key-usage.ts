import type { PrismaClient } from '@switchboard/db';

/** `lastUsedAt` is kept to this precision: a busy key costs one UPDATE a minute, not one a request. */
export const LAST_USED_PRECISION_MS = 60_000;
const MAX_TRACKED_KEYS = 10_000;

const lastWrittenByClient = new WeakMap<object, Map<string, number>>();

/**
 * Records that an API key (or an access token of it) was used. Each process writes a key's
 * `lastUsedAt` at most once per LAST_USED_PRECISION_MS, and the UPDATE itself only touches a row
 * whose value is older than that, so several processes sharing one database add no extra writes
 * beyond one per process per minute, and none of them rewrites a fresher value.
 */
export async function recordKeyUse(prisma: PrismaClient, apiKeyId: string, now: Date): Promise<void> {
  let lastWritten = lastWrittenByClient.get(prisma);
  if (!lastWritten) {
    lastWritten = new Map();
    lastWrittenByClient.set(prisma, lastWritten);
  }
  const previous = lastWritten.get(apiKeyId);
  if (previous !== undefined && now.getTime() - previous < LAST_USED_PRECISION_MS) return;
  // Forgetting everything only costs one more (conditional) UPDATE per key.
  if (lastWritten.size >= MAX_TRACKED_KEYS) lastWritten.clear();
  lastWritten.set(apiKeyId, now.getTime());
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  await prisma.apiKey.updateMany({
    where: { id: apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
    data: { lastUsedAt: now },
  });
}
