import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../blocks/kit';

export interface Destination {
  respond: RespondFn | undefined;
  client: webApi.WebClient;
  channelId: string | undefined;
  userId: string;
  /** A button click updates the card it came from; its errors go beside it, ephemerally. */
  replaceOriginal: boolean;
  logger: Logger;
}

/**
 * Sends the reply through `response_url`. That URL lasts 30 minutes and 5 uses, so when it
 * fails the reply is posted through the Web API instead (chat.postMessage / postEphemeral).
 */
export async function deliver(reply: Reply, to: Destination): Promise<void> {
  const { text, blocks, ephemeral } = reply;
  if (to.respond) {
    try {
      await to.respond({
        text,
        blocks,
        response_type: ephemeral ? 'ephemeral' : 'in_channel',
        replace_original: to.replaceOriginal && !ephemeral,
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
