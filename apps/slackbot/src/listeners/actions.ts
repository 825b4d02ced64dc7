import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { buttonHandlers } from '../commands/buttons';
import { replyOrError } from '../commands/outcome';
import { deliver } from './deliver';
import { deliverInView } from './deliver-view';
import type { BotDeps } from './deps';

/**
 * Button clicks call the same procedures as the commands. Card buttons replace the card they came
 * from; Show and paging never change a message others see (see `Placement`); a refusal is shown
 * only to the person who clicked, and the card stays as it was. Buttons on App Home and in modals
 * (which have no response_url) answer in a modal.
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
        if (body.view && body.container?.type === 'view') {
          await deliverInView(reply, {
            client,
            triggerId: body.trigger_id,
            view: { id: body.view.id, type: body.view.type },
            placing: handler.placement === 'beside' ? 'beside' : 'replace',
            logger,
          });
          return;
        }
        const originalEphemeral = body.container?.is_ephemeral === true;
        await deliver(reply, {
          respond,
          client,
          channelId: body.channel?.id,
          userId: body.user.id,
          placing:
            handler.placement === 'replace' || (handler.placement === 'page' && originalEphemeral)
              ? 'replace'
              : 'beside',
          originalEphemeral,
          logger,
        });
      },
    );
  }
}
