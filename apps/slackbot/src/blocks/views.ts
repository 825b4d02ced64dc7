/** What the cards show, as plain data; the command layer fills it from API answers. */
export interface ConversationSummary {
  id: string;
  topic: string | null;
  status: string;
  priority: string;
  channel: string;
  queueId: string | null;
  agentId: string | null;
  tags: string[];
  updatedAt: string;
}

export interface HistoryLine {
  at: string;
  /** Already mrkdwn: `<@U123>` for a Slack user, or a plain description of the credential. */
  who: string;
  /** mrkdwn too (names and mentions), escaped where it quotes values. */
  what: string;
}

export interface ConversationDetails {
  conversation: ConversationSummary & { summary: string | null; createdAt: string; closedAt: string | null };
  queueName: string | null;
  agent: { name: string; slackUserId: string | null } | null;
  /** Newest first. */
  history: HistoryLine[];
}

export interface GroupSummary {
  id: string;
  name: string;
  description: string | null;
  criteria: string;
}

/** The cards show the first 8 characters of an id; `/conv show` accepts them back. */
export const shortId = (id: string) => id.slice(0, 8);
