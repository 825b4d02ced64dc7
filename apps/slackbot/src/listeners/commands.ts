import type { App } from '@slack/bolt';
import { executeConvCommand } from '../commands/conversations/execute-conv';
import { executeGroupCommand } from '../commands/groups/execute-group';
import { deliver } from './deliver';
import type { BotDeps } from './deps';

/** `/conv` and `/group`: ack at once (Slack allows 3 s), then work, then reply via response_url. */
export function registerCommands(app: App, deps: BotDeps): void {
  const commands = { '/conv': executeConvCommand, '/group': executeGroupCommand };
  for (const [name, execute] of Object.entries(commands)) {
    app.command(name, async ({ command, ack, respond, client, logger }) => {
      await ack();
      const session = deps.sessionFor(command.user_id, command.channel_id);
      const reply = await execute(command.text, session, deps.logError(logger));
      await deliver(reply, {
        respond,
        client,
        channelId: command.channel_id,
        userId: command.user_id,
        placing: 'new',
        logger,
      });
    });
  }
}
