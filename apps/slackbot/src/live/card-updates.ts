import type { Logger } from '@slack/bolt';
import type { Reply } from '../blocks/kit';
import type { SlackOutbox } from './slack-outbox';

export interface CardRef {
  conversationId: string;
  channelId: string;
  messageTs: string;
  mark: string | null;
}

interface Pending extends CardRef {
  lines: string[];
  timer: NodeJS.Timeout;
}

export interface CardUpdatesDeps {
  outbox: SlackOutbox;
  render: (conversationId: string, mark: string | null) => Promise<Reply>;
  /** Changes to one card within this window become one update and one thread line. */
  coalesceMs: number;
  logger: Logger;
}

/**
 * Updates posted cards in place (chat.update) and says what changed in their thread. A burst of
 * changes (routing's route + assign, a bulk tag) is coalesced: one update showing the final
 * state and one thread message listing every change, instead of one of each per change.
 */
export class CardUpdates {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: CardUpdatesDeps) {}

  add(card: CardRef, line: string | undefined): void {
    const key = `${card.channelId}:${card.messageTs}`;
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.mark = card.mark;
      if (line) waiting.lines.push(line);
      return;
    }
    const timer = setTimeout(() => void this.flush(key), this.deps.coalesceMs);
    this.pending.set(key, { ...card, lines: line ? [line] : [], timer });
  }

  /** Sends everything waiting now (on shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((key) => this.flush(key)));
  }

  private async flush(key: string): Promise<void> {
    const card = this.pending.get(key);
    if (!card) return;
    this.pending.delete(key);
    clearTimeout(card.timer);
    const { outbox, logger } = this.deps;
    try {
      const reply = await this.deps.render(card.conversationId, card.mark);
      await outbox.inChannel(card.channelId, (client) =>
        client.chat.update({
          channel: card.channelId,
          ts: card.messageTs,
          text: reply.text,
          blocks: reply.blocks,
        }),
      );
      if (card.lines.length > 0) {
        await outbox.inChannel(card.channelId, (client) =>
          client.chat.postMessage({
            channel: card.channelId,
            thread_ts: card.messageTs,
            text: card.lines.join('\n'),
          }),
        );
      }
    } catch (error) {
      logger.error(
        `Updating the card in ${card.channelId} failed: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
}
