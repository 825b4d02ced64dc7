import type { SwitchboardApi } from '../api/client';

/** Everything a command needs: the API as the acting Slack user, and who that user is. */
export interface Session {
  api: SwitchboardApi;
  slackUserId: string;
  /** For the "did not answer within … s" message. */
  timeoutMs: number;
  /** The channel a command was typed in (`/group watch` subscribes it). */
  channelId?: string;
}
