import { escapeMrkdwn } from '../parsing/slack-text';
import { convSubcommands, convUsage, groupSubcommands, groupUsage } from '../parsing/usage';
import { context, type Reply, section } from './kit';

const lines = (usage: readonly string[]) => usage.map((line) => `• \`${escapeMrkdwn(line)}\``).join('\n');

export function convHelp(): Reply {
  return {
    text: '/conv commands',
    ephemeral: true,
    blocks: [
      section(`*Conversations*\n${lines(convSubcommands.map((name) => convUsage[name]))}`),
      context([
        'Ids: the 8-character short id on a card is enough. Criteria: `status==OPEN and priority=ge=HIGH`, `tags==vip`, `topic=="late parcel"`; `and`/`;`, `or`/`,`, parentheses.',
      ]),
    ],
  };
}

export function groupHelp(): Reply {
  return {
    text: '/group commands',
    ephemeral: true,
    blocks: [
      section(`*Conversation groups*\n${lines(groupSubcommands.map((name) => groupUsage[name]))}`),
      context([
        'A group holds every conversation that matches its criteria now. Address groups by name (quote names with spaces) or id.',
      ]),
    ],
  };
}
