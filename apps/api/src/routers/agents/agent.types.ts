import { type AgentStatus, agentStatuses } from '@switchboard/core';
import type { AgentModel } from '@switchboard/db';
import { z } from 'zod';
import { idSchema, isoDateSchema, toIso, toIsoOrNull } from '../shared/schemas';

export const agentSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Infobip's name for `name`, so Infobip clients read what they expect. */
  displayName: z.string(),
  email: z.string().nullable(),
  slackUserId: z.string().nullable(),
  status: z.enum(agentStatuses),
  availability: z
    .enum(agentStatuses)
    .describe('Whether the agent is given conversations: its status (ACTIVE only is available)'),
  role: z.enum(['AGENT', 'SUPERVISOR']),
  enabled: z.boolean(),
  capacity: z.number().int().nonnegative(),
  queueIds: z.array(z.string()),
  lastAssignedAt: isoDateSchema.nullable(),
  lastHeartbeatAt: isoDateSchema.nullable(),
  unavailableSince: isoDateSchema
    .nullable()
    .describe(
      'When the agent became AWAY or INVISIBLE (settings routing.unavailableAgent); null while ACTIVE or BUSY',
    ),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type AgentView = z.infer<typeof agentSchema>;

/** What every agent read includes: the ids of the queues it belongs to. */
export const agentInclude = {
  queues: { select: { queueId: true }, orderBy: { createdAt: 'asc' } },
} as const;
type AgentRow = AgentModel & { queues: { queueId: string }[] };

export const presentAgent = (row: AgentRow): AgentView => ({
  id: row.id,
  name: row.name,
  displayName: row.name,
  email: row.email,
  slackUserId: row.slackUserId,
  status: row.status,
  availability: row.status,
  role: row.role,
  enabled: row.enabled,
  capacity: row.capacity,
  queueIds: row.queues.map((member) => member.queueId),
  lastAssignedAt: toIsoOrNull(row.lastAssignedAt),
  lastHeartbeatAt: toIsoOrNull(row.lastHeartbeatAt),
  unavailableSince: toIsoOrNull(row.unavailableSince),
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

// Switchboard's earlier words, still accepted so older clients and scripts work: ONLINE is
// ACTIVE, OFFLINE is INVISIBLE.
const earlierStatuses = { ONLINE: 'ACTIVE', OFFLINE: 'INVISIBLE' } as const;
export const agentStatusInput = z
  .enum([...agentStatuses, ...(Object.keys(earlierStatuses) as (keyof typeof earlierStatuses)[])])
  .transform(
    (status): AgentStatus =>
      status in earlierStatuses
        ? earlierStatuses[status as keyof typeof earlierStatuses]
        : (status as AgentStatus),
  )
  .describe('ACTIVE (given conversations), BUSY, AWAY or INVISIBLE');
export const agentRoleSchema = z.enum(['AGENT', 'SUPERVISOR']);

export const agentNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters');
export const agentEmailSchema = z.email('must be an email address').max(254);
export const slackUserIdSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters');
export const capacitySchema = z
  .number()
  .int()
  .min(0, 'must be at least 0')
  .max(1000, 'must be at most 1000')
  .describe('How many open conversations the agent may hold at once');

export const agentIdInput = z.object({ agentId: idSchema });
export const agentTags = ['Agents (Infobip)'];
