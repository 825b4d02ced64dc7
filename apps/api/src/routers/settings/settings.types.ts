import {
  assignmentStrategies,
  capacityStatuses,
  redactionTypes,
  unavailableAgentActions,
} from '@switchboard/core';
import { z } from 'zod';

/** The organization's settings document (core's OrganizationSettings), always complete. */
export const settingsSchema = z.object({
  routing: z.object({
    strategy: z.enum(assignmentStrategies),
    defaultQueueId: z.string().nullable(),
    autoRouteOnCreate: z.boolean(),
    autoAssign: z.boolean(),
    capacityStatuses: z.array(z.enum(capacityStatuses)),
    unavailableAgent: z.object({
      action: z.enum(unavailableAgentActions),
      graceMinutes: z.number().int().min(0),
      heartbeatLapseMinutes: z.number().int().min(1),
    }),
  }),
  lifecycle: z.object({ autoCloseSolvedAfterMinutes: z.number().int().min(1).nullable() }),
  pagination: z.object({
    defaultPageSize: z.number().int().nonnegative(),
    maxPageSize: z.number().int().nonnegative(),
  }),
  intelligence: z.object({ bookmarks: z.object({ duration: z.number().int().min(1).optional() }) }),
  redaction: z.object({ default: z.boolean().optional(), type: z.enum(redactionTypes).optional() }),
});

/**
 * One RFC 6902 operation. Only the shape is checked here; whether it applies (value present,
 * path exists, `test` holds) is checked against the document by apply-settings-patch.
 */
export { type PatchOperation, patchOperationSchema } from '../../shared/json-patch';

export const settingsTag = ['Settings (Symbl)'];
