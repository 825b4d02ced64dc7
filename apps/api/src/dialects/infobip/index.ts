import type { Dialect } from '../dialect';
import { conversationEventOperations } from './conversation-event-operations';
import { routingOperations } from './routing-operations';
import { workingHoursOperations } from './working-hours-operations';

/**
 * Infobip's conversation management (`/ccaas/1/…`) where its shapes are not the procedures' own:
 * routing rules, working hours and conversation events (typing) here. Until the family's envelope joins this module, its
 * errors are the seeds' `{ error, message, details? }` as on every other /ccaas/1 path.
 */
export const infobip: Dialect = {
  name: 'infobip',
  owns: (path) => path.startsWith('/ccaas/'),
  operations: [...routingOperations, ...workingHoursOperations, ...conversationEventOperations],
  errorBody: (error) => ({
    error: error.error,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
  }),
};
