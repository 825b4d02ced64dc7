import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { buttonHandlers } from '../commands/buttons';
import { replyOrError } from '../commands/outcome';
import { deliver } from './deliver';
import type { BotDeps } from './deps';

/**
 * Button clicks call the same procedures as the commands and replace the card they came from;
 * a refusal is shown only to the person who clicked, and the card stays as it was.
 */
export function registerActions(app: App, deps: BotDeps): void {
  for (const handler of buttonHandlers) {
    app.action<BlockAction<ButtonAction>>(
      handler.actionId,
      async ({ ack, action, body, respond, client, logger }) => {
        await ack();
        const session = deps.sessionFor(body.user.id);
        const reply = await replyOrError(handler.usage, deps.logError(logger), () =>
          handler.run(action.value ?? '', session),
        );
        await deliver(reply, {
          respond,
          client,
          channelId: body.channel?.id,
          userId: body.user.id,
          replaceOriginal: true,
          logger,
        });
      },
    );
  }
}
