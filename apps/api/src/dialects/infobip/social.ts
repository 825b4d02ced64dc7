import type { MessageView } from '../../services/conversations/messages';

/**
 * Where Infobip's document shows a comment's social context: `singleSendMessage.socialContext`
 * (the related-comments example), beside the channel and direction. Nothing for other messages.
 */
export const singleSendMessageOf = (message: MessageView) =>
  message.socialContext === null
    ? {}
    : {
        singleSendMessage: {
          socialContext: message.socialContext,
          channel: message.channel,
          direction: message.direction,
        },
      };
