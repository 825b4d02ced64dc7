import { type Logger, webApi } from '@slack/bolt';

/** Slack errors that mean the bot can no longer post in a channel: its watches there stop. */
const channelGoneErrors: Record<string, string> = {
  is_archived: 'channel archived',
  channel_not_found: 'channel not found (deleted, or the bot was removed)',
  not_in_channel: 'the bot was removed from the channel',
};

// A channel rate-limited more often than this in a row gives up the call rather than wait forever.
const maxRateLimitedRetries = 5;

export type ChannelGone = (channelId: string, reason: string) => Promise<void>;

/**
 * Web API calls per channel, one at a time and in the order asked (a card is posted before its
 * thread lines, and an update never overtakes the post). A 429 makes only that channel wait for
 * `Retry-After`; other channels keep going (the client's own handling would pause every channel).
 */
export class SlackOutbox {
  readonly client: webApi.WebClient;
  private readonly logger: Logger;
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    options: { token: string; slackApiUrl: string | undefined; logger: Logger },
    private readonly channelGone: ChannelGone,
  ) {
    this.client = new webApi.WebClient(options.token, {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      logger: options.logger,
      rejectRateLimitedCalls: true,
    });
    this.logger = options.logger;
  }

  inChannel<T>(channelId: string, work: (client: webApi.WebClient) => Promise<T>): Promise<T> {
    const previous = this.tails.get(channelId) ?? Promise.resolve();
    const run = previous.then(() => this.withRateLimits(channelId, work));
    const tail = run.catch(() => undefined);
    this.tails.set(channelId, tail);
    void tail.then(() => {
      if (this.tails.get(channelId) === tail) this.tails.delete(channelId);
    });
    return run;
  }

  private async withRateLimits<T>(
    channelId: string,
    work: (client: webApi.WebClient) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work(this.client);
      } catch (error) {
        const retryAfter = rateLimitedFor(error);
        if (retryAfter !== undefined && attempt < maxRateLimitedRetries) {
          this.logger.warn(`Slack rate-limited channel ${channelId}; retrying in ${retryAfter} s`);
          await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
          continue;
        }
        const gone = channelGoneErrors[slackErrorOf(error) ?? ''];
        if (gone) await this.channelGone(channelId, gone);
        throw error;
      }
    }
  }
}

function rateLimitedFor(error: unknown): number | undefined {
  const coded = error as { code?: string; retryAfter?: number };
  return coded.code === webApi.ErrorCode.RateLimitedError ? (coded.retryAfter ?? 1) : undefined;
}

export function slackErrorOf(error: unknown): string | undefined {
  return (error as { data?: { error?: string } }).data?.error;
}
