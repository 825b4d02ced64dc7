import { conversationStatuses, priorities } from '@switchboard/core';
import { z } from 'zod';
import { routingSummarySchema } from '../../services/routing/routing-view';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';

/** An Infobip routing expression (JSON), e.g. `{"$or":[{"$eq":{"message.channel":"WHATSAPP"}}]}`. */
export const expressionSchema = z
  .record(z.string(), z.unknown())
  .describe('Infobip routing expression: {"$and"|"$or":[…]} or {"$eq"|"$ne"|"$in"|…:{field:value}}');

/**
 * A routing rule; `priority` is its 1-based position in the ordered list (tried in that order).
 * `criteria` is always the RSQL routing runs; `expression` is the JSON expression when the rule
 * was written in that syntax (null for rules written in RSQL).
 */
export const routeSchema = z.object({
  id: z.string(),
  name: z.string(),
  queueId: z.string(),
  queueName: z.string(),
  priority: z.number().int().min(1),
  enabled: z.boolean(),
  criteria: z.string(),
  expression: expressionSchema.nullable(),
  conversationPriority: z.enum(priorities).nullable(),
  routeOnlyDuringWorkingHours: z.boolean(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type RouteView = z.infer<typeof routeSchema>;

export const presentRoute = (row: {
  id: string;
  name: string;
  queueId: string;
  priority: number;
  enabled: boolean;
  criteria: string;
  expression: unknown;
  conversationPriority: RouteView['conversationPriority'];
  routeOnlyDuringWorkingHours: boolean;
  createdAt: Date;
  updatedAt: Date;
  queue: { name: string };
}): RouteView => ({
  id: row.id,
  name: row.name,
  queueId: row.queueId,
  queueName: row.queue.name,
  priority: row.priority,
  enabled: row.enabled,
  criteria: row.criteria,
  expression: (row.expression ?? null) as RouteView['expression'],
  conversationPriority: row.conversationPriority,
  routeOnlyDuringWorkingHours: row.routeOnlyDuringWorkingHours,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

export const routesOutput = z.object({ routes: z.array(routeSchema) });

/** The most rules one organization may have (Infobip serves at most 999 in one page). */
export const maxRoutes = 999;

export const routeInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  queueId: idSchema,
  // Length and syntax are checked by core's parsers, so every criteria problem reads alike.
  // A rule is written in one syntax: RSQL `criteria` or Infobip's JSON `expression`.
  criteria: z.string().optional().describe('RSQL criteria, e.g. `priority>=HIGH;tags==vip`'),
  expression: expressionSchema.optional(),
  enabled: z.boolean().default(true),
  conversationPriority: z
    .enum(priorities)
    .nullable()
    .default(null)
    .describe('The priority a conversation routed by this rule takes; null keeps its own'),
  routeOnlyDuringWorkingHours: z
    .boolean()
    .default(false)
    .describe('Skip the rule outside the default working hours (/ccaas/1/working-hours)'),
});

/** A conversation that does not exist yet: only what routing criteria can look at. */
export const hypotheticalConversationSchema = z.object({
  topic: z.string().max(255).nullable().optional(),
  summary: z.string().max(4000).nullable().optional(),
  status: z.enum(conversationStatuses).default('OPEN'),
  priority: z.enum(priorities).default('NORMAL'),
  channel: z.string().trim().min(1).max(64).default('NO_CHANNEL'),
  workspaceId: idSchema.optional(),
  spaceId: idSchema.nullable().optional(),
  metadata: z.record(z.string().max(128), z.string().max(4000)).default({}),
  tags: z.array(z.string().max(100)).max(100).default([]),
  trackers: z.array(z.string().max(255)).max(100).default([]),
  entities: z.array(z.string().max(255)).max(100).default([]),
});

export const simulationSchema = routingSummarySchema.extend({ conversationId: z.string().nullable() });
