import type { SwitchboardApi } from '../api/client';
import { escapeMrkdwn } from '../parsing/slack-text';

// Names change rarely; a minute of staleness in a thread line is fine and saves a call per event.
const ttlMs = 60_000;

export interface AgentName {
  name: string;
  slackUserId: string | null;
}

/** Queue and agent names by id, cached briefly, so lines and cards say "Billing", not a UUID. */
export class NameBook {
  private readonly entries = new Map<string, { value: unknown; until: number }>();

  constructor(private readonly api: SwitchboardApi) {}

  queue(queueId: string): Promise<string | null> {
    return this.cached(`queue:${queueId}`, async () => (await this.api.queues.get.query({ queueId })).name);
  }

  agent(agentId: string): Promise<AgentName | null> {
    return this.cached(`agent:${agentId}`, async () => {
      const agent = await this.api.agents.get.query({ agentId });
      return { name: agent.name, slackUserId: agent.slackUserId };
    });
  }

  /**
   * mrkdwn: `<@U…>` for an agent linked to Slack, else the name; the short id only when the
   * agent cannot be read (deleted), so a person can still tell which one it was.
   */
  async agentText(agentId: string): Promise<string> {
    const agent = await this.agent(agentId);
    if (!agent) return `an agent (\`${escapeMrkdwn(agentId.slice(0, 8))}\`)`;
    return agent.slackUserId ? `<@${agent.slackUserId}>` : escapeMrkdwn(agent.name);
  }

  /** mrkdwn: the queue's name, or its short id when it cannot be read. */
  async queueText(queueId: string): Promise<string> {
    const name = await this.queue(queueId);
    return name === null ? `a queue (\`${escapeMrkdwn(queueId.slice(0, 8))}\`)` : escapeMrkdwn(name);
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T | null> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value as T;
    const value = await load().catch(() => null);
    if (value !== null) this.entries.set(key, { value, until: Date.now() + ttlMs });
    return value;
  }
}
