import type { App, BlockAction, ButtonAction, MessageShortcut } from '@slack/bolt';
import { actionIds, shortcutIds, viewIds } from '../blocks/action-ids';
import { errorReply } from '../blocks/error-reply';
import { call } from '../commands/refusal';
import { renderLiveCard } from '../live/card-view';
import type { BotDeps } from './deps';
import { slackAuthor } from './events';

const replyBlock = 'reply_text';
const topicLength = 200;

/**
 * Reply to customer (button → modal → an outbound message, the one explicit way Slack text
 * reaches the customer) and the "Create conversation from message" shortcut.
 */
export function registerInteractions(app: App, deps: BotDeps): void {
  app.action<BlockAction<ButtonAction>>(actionIds.replyToCustomer, async ({ ack, action, body, client }) => {
    await ack();
    const form = {
      trigger_id: body.trigger_id,
      view: {
        type: 'modal' as const,
        callback_id: viewIds.reply,
        private_metadata: action.value ?? '',
        title: { type: 'plain_text' as const, text: 'Reply to customer' },
        submit: { type: 'plain_text' as const, text: 'Send' },
        close: { type: 'plain_text' as const, text: 'Cancel' },
        blocks: [
          {
            type: 'input' as const,
            block_id: replyBlock,
            label: { type: 'plain_text' as const, text: 'Message to the customer' },
            element: {
              type: 'plain_text_input' as const,
              action_id: 'text',
              multiline: true,
              max_length: 4000,
            },
          },
        ],
      },
    };
    // From a card shown in a modal (App Home's Show), the form goes on top of it.
    if (body.view?.type === 'modal') await client.views.push(form);
    else await client.views.open(form);
  });

  // The API is asked before the ack, so a refusal (a closed conversation) shows in the modal.
  app.view(viewIds.reply, async ({ ack, view, body }) => {
    const text = view.state.values[replyBlock]?.text?.value ?? '';
    const session = deps.sessionFor(body.user.id);
    try {
      await call(session.timeoutMs, () =>
        session.api.messages.create.mutate({
          conversationId: view.private_metadata,
          from: slackAuthor(body.user.id),
          text,
          direction: 'OUTBOUND',
        }),
      );
      await ack();
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { [replyBlock]: error instanceof Error ? error.message : String(error) },
      });
    }
  });

  app.shortcut<MessageShortcut>(
    shortcutIds.createConversation,
    async ({ ack, shortcut, respond, logger }) => {
      await ack();
      const { message } = shortcut;
      const text = message.text ?? '';
      const session = deps.sessionFor(shortcut.user.id, shortcut.channel.id);
      try {
        const topic = (text.split('\n')[0] ?? '').trim().slice(0, topicLength) || 'Conversation from Slack';
        const conversation = await call(session.timeoutMs, () =>
          session.api.conversations.create.mutate({ topic, channel: 'SLACK' }),
        );
        if (text !== '') {
          await call(session.timeoutMs, () =>
            session.api.messages.create.mutate({
              conversationId: conversation.id,
              from: slackAuthor(message.user ?? shortcut.user.id),
              text,
            }),
          );
        }
        const card = await renderLiveCard(session, conversation.id, {
          notice: `Created from a message by <@${shortcut.user.id}>`,
        });
        await respond({ ...card, response_type: 'ephemeral' });
      } catch (error) {
        deps.logError(logger)('Creating a conversation from a message failed', error);
        const reply = errorReply({ message: error instanceof Error ? error.message : String(error) });
        await respond({ text: reply.text, blocks: reply.blocks, response_type: 'ephemeral' });
      }
    },
  );
}
