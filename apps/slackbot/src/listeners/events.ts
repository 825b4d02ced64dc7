import type { App, Logger } from '@slack/bolt';
import { appHomeView } from '../blocks/app-home';
import { myOpenConversations, watchedGroups } from '../commands/home/app-home';
import { call } from '../commands/refusal';
import type { BotDeps } from './deps';

/** Who a note from Slack is from: the Slack user, as the message's `from`; the audit names them too. */
export const slackAuthor = (slackUserId: string) => `slack:${slackUserId}`;

/**
 * Events API listeners: a person's reply in a card's thread becomes an internal note (bots and
 * the bot's own lines are ignored — Bolt drops the bot's own, `bot_id` and subtypes drop the
 * rest); App Home; and channels the bot can no longer post in stop their watches.
 */
export function registerEvents(app: App, deps: BotDeps): void {
  app.event('message', async ({ event, client, logger }) => {
    if (event.subtype !== undefined || event.bot_id || !event.thread_ts || event.thread_ts === event.ts)
      return;
    const { channel, thread_ts: threadTs, user, text } = event;
    if (!user || !text) return;
    const bot = deps.botSession;
    const { conversationId } = await call(bot.timeoutMs, () =>
      bot.api.slack.findCard.query({ channelId: channel, messageTs: threadTs }),
    );
    if (!conversationId) return;
    const session = deps.sessionFor(user, channel);
    try {
      await call(session.timeoutMs, () =>
        session.api.messages.create.mutate({ conversationId, from: slackAuthor(user), text, internal: true }),
      );
    } catch (error) {
      deps.logError(logger)('A thread reply could not be saved as a note', error);
      await client.chat.postEphemeral({
        channel,
        user,
        thread_ts: threadTs,
        text: `Not saved as a note: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });

  app.event('app_home_opened', async ({ event, client, logger }) => {
    if (event.tab !== 'home') return;
    const session = deps.sessionFor(event.user);
    try {
      const [mine, groups] = await Promise.all([
        myOpenConversations(session),
        watchedGroups(deps.botSession),
      ]);
      await client.views.publish({ user_id: event.user, view: appHomeView(mine, groups) });
    } catch (error) {
      deps.logError(logger)('Publishing App Home failed', error);
    }
  });

  const stop = (reason: string) => async (channelId: string, logger: Logger) => {
    const { disabled } = await deps.botSession.api.slack.disableChannel.mutate({ channelId, reason });
    if (disabled > 0) logger.warn(`Stopped ${disabled} watch(es) in ${channelId}: ${reason}`);
  };
  app.event('channel_archive', async ({ event, logger }) => stop('channel archived')(event.channel, logger));
  app.event('group_archive', async ({ event, logger }) => stop('channel archived')(event.channel, logger));
  app.event('channel_deleted', async ({ event, logger }) => stop('channel deleted')(event.channel, logger));
  app.event('member_left_channel', async ({ event, context, logger }) => {
    if (event.user === context.botUserId)
      await stop('the bot was removed from the channel')(event.channel, logger);
  });
}
