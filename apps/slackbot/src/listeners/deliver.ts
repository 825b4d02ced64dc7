import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../blocks/kit';

/**
 * `new`: a command's reply, in the channel (or only to the user when it is ephemeral).
 * `replace`: the message the button is on becomes the reply. `beside`: a new message only the
 * clicker sees, leaving the original alone. An error always goes beside, ephemerally.
 */
export type Placing = 'new' | 'replace' | 'beside';

export interface Destination {
  respond: RespondFn | undefined;
  client: webApi.WebClient;
  channelId: string | undefined;
  userId: string;
  placing: Placing;
  /** The clicked message is ephemeral: replacing it keeps it visible to the clicker only. */
  originalEphemeral?: boolean;
  logger: Logger;
}

/**
 * Sends the reply through `response_url`. That URL lasts 30 minutes and 5 uses, so when it
 * fails the reply is posted through the Web API instead (chat.postMessage / postEphemeral).
 */
export async function deliver(reply: Reply, to: Destination): Promise<void> {
  const { text, blocks } = reply;
  const replace = to.placing === 'replace' && !reply.ephemeral;
  const ephemeral = reply.ephemeral || to.placing === 'beside' || (replace && to.originalEphemeral === true);
  if (to.respond) {
    try {
      await to.respond({
        text,
        blocks,
        response_type: ephemeral ? 'ephemeral' : 'in_channel',
        replace_original: replace,
      });
      return;
    } catch (error) {
      to.logger.warn(`Replying through response_url failed (${describe(error)}); posting instead.`);
    }
  }
  if (!to.channelId) {
    to.logger.error('Could not deliver a reply: no response_url and no channel.');
    return;
  }
  try {
    if (ephemeral)
      await to.client.chat.postEphemeral({ channel: to.channelId, user: to.userId, text, blocks });
    else await to.client.chat.postMessage({ channel: to.channelId, text, blocks });
  } catch (error) {
    to.logger.error(`Could not deliver a reply through the Web API either: ${describe(error)}`);
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
