import { context, type Reply, section } from '../../blocks/kit';
import type { GroupCommand } from '../../parsing/group-command';
import { escapeMrkdwn } from '../../parsing/slack-text';
import { CommandRefusal, call } from '../refusal';
import type { Session } from '../session';
import { findGroup } from './find-group';

type WatchCommand = Extract<GroupCommand, { name: 'watching' } | { name: 'watch' | 'unwatch'; ref: string }>;

/** `/group watch|unwatch <group>` and `/group watching`, for the channel the command was typed in. */
export async function runWatchCommand(command: WatchCommand, session: Session): Promise<Reply> {
  const { api, timeoutMs, channelId, slackUserId } = session;
  if (!channelId) throw new CommandRefusal('Run this in the channel that should watch the group.');
  if (command.name === 'watching') {
    const { watches } = await call(timeoutMs, () => api.slack.watches.query({ channelId }));
    if (watches.length === 0) {
      return reply('This channel watches no group. `/group watch <name>` starts one.', true);
    }
    const lines = watches.map(
      (watch) =>
        `• *${escapeMrkdwn(watch.group.name)}*${watch.disabledReason ? ` — stopped: ${escapeMrkdwn(watch.disabledReason)} (watch it again to restart)` : ''}`,
    );
    return reply(`This channel watches:\n${lines.join('\n')}`, true);
  }
  const group = await findGroup(session, command.ref);
  const name = `*${escapeMrkdwn(group.name)}*`;
  if (command.name === 'watch') {
    await call(timeoutMs, () => api.slack.watch.mutate({ channelId, groupId: group.id }));
    return {
      ...reply(
        `<@${slackUserId}> made this channel watch ${name}: each conversation entering it gets a card here.`,
        false,
      ),
      blocks: [
        section(
          `<@${slackUserId}> made this channel watch ${name}: each conversation entering it gets a card here.`,
        ),
        context(['Replies in a card’s thread become internal notes; the customer never sees them.']),
      ],
    };
  }
  await call(timeoutMs, () => api.slack.unwatch.mutate({ channelId, groupId: group.id }));
  return reply(`<@${slackUserId}> stopped this channel watching ${name}. Its cards stay as they are.`, false);
}

const reply = (text: string, ephemeral: boolean): Reply => ({ text, blocks: [section(text)], ephemeral });
