import type { Principal } from './principal';

/**
 * How long a credential found valid is trusted without asking the database again. Revocation in
 * this process takes effect at once (a mutation that changes credentials forgets its
 * organization's entries, see trpc/init.ts); in another API process on the same database it takes
 * effect within this bound.
 */
export const CREDENTIAL_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  /** When the database last said this credential is valid (ms since the epoch). */
  checkedAt: number;
  /** Access tokens expire on their own: checked on every hit, exactly. */
  tokenExpiresAt: Date | undefined;
}

/**
 * Credentials (by the hash of their secret) that the database recently confirmed as valid, so a
 * busy key is not looked up on every request. Only valid credentials are kept: unknown, revoked
 * and expired ones always go to the database, so guessing fills nothing.
 */
export class CredentialCache {
  readonly #entries = new Map<string, Entry>();
  // Bumped by every forget: a lookup that started before a revocation must not store its (now
  // stale) answer after the revocation has cleared the cache.
  #generation = 0;

  constructor(private readonly ttlMs = CREDENTIAL_TTL_MS) {}

  get(hash: string, now: Date): Principal | undefined {
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (
      now.getTime() - entry.checkedAt >= this.ttlMs ||
      (entry.tokenExpiresAt && entry.tokenExpiresAt <= now)
    ) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.principal;
  }

  /** Call before reading the database; pass the result to `remember`. */
  generation(): number {
    return this.#generation;
  }

  remember(
    hash: string,
    answer: { principal: Principal; tokenExpiresAt?: Date; checkedAt: Date },
    generation: number,
  ): void {
    if (generation !== this.#generation) return;
    if (this.#entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(hash, {
      principal: answer.principal,
      checkedAt: answer.checkedAt.getTime(),
      tokenExpiresAt: answer.tokenExpiresAt,
    });
  }

  forgetOrganization(organizationId: string): void {
    this.#generation++;
    for (const [hash, entry] of this.#entries) {
      if (entry.principal.organizationId === organizationId) this.#entries.delete(hash);
    }
  }

  forgetAll(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const caches = new WeakMap<object, CredentialCache>();

/**
 * The cache of one database client. Every path that authenticates or mutates with that client
 * (HTTP, REST, tRPC, createCaller in tests) shares it, so a revocation made through any of them
 * is seen by all of them at once.
 */
export function credentialCacheFor(prisma: object): CredentialCache {
  let cache = caches.get(prisma);
  if (!cache) {
    cache = new CredentialCache();
    caches.set(prisma, cache);
  }
  return cache;
}
