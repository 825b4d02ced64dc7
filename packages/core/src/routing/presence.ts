import type { AgentStatus } from './choose-agent';

/**
 * The statuses in which an agent has left: its OPEN conversations wait for nobody, so they are
 * kept or moved on as settings routing.unavailableAgent say. BUSY is not one of them: a busy
 * agent is at work, keeps its conversations and only gets no new ones.
 */
export const unavailableStatuses = ['AWAY', 'INVISIBLE'] as const satisfies readonly AgentStatus[];

export const isUnavailableStatus = (status: AgentStatus): boolean =>
  (unavailableStatuses as readonly AgentStatus[]).includes(status);

/**
 * When the agent became unavailable, as stored with a status change: kept while it stays
 * unavailable (INVISIBLE → AWAY is still away since then), cleared when it comes back, set to
 * `now` when it leaves.
 */
export const unavailableSinceAfter = (
  before: { status: AgentStatus; unavailableSince: Date | null },
  status: AgentStatus,
  now: Date,
): Date | null => {
  if (!isUnavailableStatus(status)) return null;
  return isUnavailableStatus(before.status) && before.unavailableSince ? before.unavailableSince : now;
};

/**
 * An agent that sends heartbeats has lapsed when none came for `lapseMinutes`. An agent that never
 * sent one (a Slack or API-only agent) has nothing to lapse: its status alone says where it is.
 */
export const heartbeatLapsed = (lastHeartbeatAt: Date | null, now: Date, lapseMinutes: number): boolean =>
  lastHeartbeatAt !== null && lastHeartbeatAt.getTime() + lapseMinutes * 60_000 <= now.getTime();

/**
 * Whether the agent is unavailable now: away by its status, or gone silent by its heartbeat.
 * What settings routing.unavailableAgent acts on.
 */
export const isAgentUnavailable = (
  agent: { status: AgentStatus; lastHeartbeatAt: Date | null },
  now: Date,
  heartbeatLapseMinutes: number,
): boolean =>
  isUnavailableStatus(agent.status) || heartbeatLapsed(agent.lastHeartbeatAt, now, heartbeatLapseMinutes);
