/**
 * Remembers keys for `ttlMs`, at most `maxEntries` of them (the oldest go first). A Map keeps
 * insertion order, and every key lives equally long, so the oldest entry is always the first.
 */
export class ExpiringSet {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time `key` is seen within the TTL; false for a repeat. */
  addIfNew(key: string): boolean {
    const now = this.now();
    this.forgetExpired(now);
    if (this.entries.has(key)) return false;
    this.entries.set(key, now + this.ttlMs);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  private forgetExpired(now: number): void {
    for (const [key, expiresAt] of this.entries) {
      if (expiresAt > now) return;
      this.entries.delete(key);
    }
  }
}
