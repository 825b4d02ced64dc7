import type { Dialect } from '../dialect';
import { writeInfobipDates } from './dates';
import { infobipErrorBody } from './errors';
import { infobipOperations } from './operations';

// Any path under /ccaas/ (a mistyped version or an empty segment too) is answered as Infobip.
const prefix = '/ccaas/';

/**
 * Infobip's Conversations API (`/ccaas/1/…`): the family's error envelope
 * (`requestError.serviceException`) on every path under the prefix, 404s and auth refusals
 * included, and `+0000` dates in every answer. Operations whose Infobip shape is the procedure's
 * own stay on the procedures' metadata; the rows here map the ones that differ (messages, notes,
 * metadata, agents, routing rules, working hours, conversation events).
 */
export const infobip: Dialect = {
  name: 'infobip',
  owns: (path) => path.startsWith(prefix),
  operations: infobipOperations,
  errorBody: infobipErrorBody,
  writeBody: writeInfobipDates,
};
