import { type AssignmentStrategy, autoAssignmentAlgorithms, effectiveAlgorithm } from '@switchboard/core';
import type { Prisma, QueueModel } from '@switchboard/db';
import { z } from 'zod';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';

/** A queue as Infobip shows it (QueueApiModel), every member present. */
export const queueSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabledAgentsCount: z.number().int().nonnegative().describe('Members that are enabled agents'),
  enabledRoutesCount: z.number().int().nonnegative().describe('Enabled routing rules into the queue'),
  isAutoAssignmentEnabled: z.boolean(),
  autoAssignmentAlgorithm: z
    .enum(autoAssignmentAlgorithms)
    .describe("The queue's own, else the organization's routing.strategy in Infobip's words"),
  isAutoAssignmentOutsideOfWorkingHoursEnabled: z.boolean(),
  stickyAgentTimeoutDays: z.number().int().min(1).nullable().describe('Stored only: no sticky assignment'),
  isStickyAutoAssignmentEnabled: z.boolean().nullable().describe('Stored only: no sticky assignment'),
  workingHoursId: z.string().nullable().describe("The queue's calendar; null: the default calendar"),
  isRestricted: z.boolean().describe('Stored only'),
  isPrivate: z.boolean().describe('Stored only'),
  externalId: z.string().nullable(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
  deletedAt: isoDateSchema.nullable().describe('Always null: a deleted queue is gone'),
});
export type QueueView = z.infer<typeof queueSchema>;

/** What every queue read includes: the counts its answer carries. */
export const queueInclude = {
  _count: {
    select: { members: { where: { agent: { enabled: true } } }, routes: { where: { enabled: true } } },
  },
} as const satisfies Prisma.QueueInclude;
export type QueueRow = QueueModel & { _count: { members: number; routes: number } };

/** `strategy` is the organization's routing.strategy: a queue without an algorithm of its own follows it. */
export const presentQueue = (row: QueueRow, strategy: AssignmentStrategy): QueueView => ({
  id: row.id,
  name: row.name,
  enabledAgentsCount: row._count.members,
  enabledRoutesCount: row._count.routes,
  isAutoAssignmentEnabled: row.isAutoAssignmentEnabled,
  autoAssignmentAlgorithm: effectiveAlgorithm(row.autoAssignmentAlgorithm, strategy),
  isAutoAssignmentOutsideOfWorkingHoursEnabled: row.isAutoAssignmentOutsideOfWorkingHoursEnabled,
  stickyAgentTimeoutDays: row.stickyAgentTimeoutDays,
  isStickyAutoAssignmentEnabled: row.isStickyAutoAssignmentEnabled,
  workingHoursId: row.workingHoursId,
  isRestricted: row.isRestricted,
  isPrivate: row.isPrivate,
  externalId: row.externalId,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
  deletedAt: null,
});

export const queueNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters');

/**
 * Infobip's queue fields besides the name (CreateQueue, UpdateQueue), every one optional. `null`
 * clears a field that may be empty (algorithm: back to the organization's strategy; calendar: back
 * to the default one); for the others it is the same as leaving the field out.
 */
export const queueSettingsInput = z.object({
  isAutoAssignmentEnabled: z.boolean().nullish(),
  autoAssignmentAlgorithm: z.enum(autoAssignmentAlgorithms).nullish(),
  isAutoAssignmentOutsideOfWorkingHoursEnabled: z.boolean().nullish(),
  stickyAgentTimeoutDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(365, 'must be at most 365 days')
    .nullish(),
  isStickyAutoAssignmentEnabled: z.boolean().nullish(),
  workingHoursId: idSchema.nullish().describe("A working-hours calendar of the organization's"),
  isRestricted: z.boolean().nullish(),
  isPrivate: z.boolean().nullish().describe('Switchboard extension: Infobip only answers it'),
  externalId: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(255, 'must be at most 255 characters')
    .nullish(),
});
export type QueueSettingsInput = z.infer<typeof queueSettingsInput>;

export const queueIdInput = z.object({ queueId: idSchema });

/** A queue's members after a membership change. */
export const queueMembersSchema = z.object({ queueId: z.string(), agentIds: z.array(z.string()) });

export const queueTags = ['Queues (Infobip)'];
