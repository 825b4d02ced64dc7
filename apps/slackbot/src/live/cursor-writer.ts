import type { Logger } from '@slack/bolt';

/**
 * Stores how far the inbox got in the event log at most once per `everyMs` (and on stop), instead
 * of one API call per event, which at 20 changes a second was a third of the inbox's round trips.
 * A restart then replays at most that window, and replaying is harmless: every event is claimed
 * once (slack.claimOnce), so a replayed one does nothing.
 */
export class CursorWriter {
  private pending: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (sequence: number) => Promise<unknown>,
    private readonly everyMs: number,
    private readonly logger: Logger,
  ) {}

  /** An event up to `sequence` is handled. */
  note(sequence: number): void {
    this.pending = Math.max(this.pending ?? 0, sequence);
    this.timer ??= setTimeout(() => void this.flush(), this.everyMs);
  }

  /** Writes what is noted now (the timer, and stop). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const sequence = this.pending;
    this.pending = undefined;
    if (sequence === undefined) return this.writing;
    this.writing = this.writing
      .then(() => this.write(sequence))
      .then(
        () => undefined,
        (error: unknown) => {
          this.logger.warn(
            `Storing the inbox position (${sequence}) failed: ${error instanceof Error ? error.message : error}`,
          );
        },
      );
    return this.writing;
  }
}
