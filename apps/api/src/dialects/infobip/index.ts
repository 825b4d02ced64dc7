import type { Dialect } from '../dialect';
import { writeInfobipDates } from './dates';
import { documented } from './documentation';
import { infobipErrorBody } from './errors';
import { infobipOperations } from './operations';

// Any path under /ccaas/ (a mistyped version or an empty segment too) is answered as Infobip.
const prefix = '/ccaas/';

/**
 * Infobip's Conversations API (`/ccaas/1/…`): the family's error envelope
 * (`requestError.serviceException`) on every path under the prefix, 404s and auth refusals
 * included, and `+0000` dates in every answer. Every `/ccaas/1/…` path is a row of ./operations,
 * over the project's own procedures: a row whose Infobip shape is the procedure's own names only
 * the procedure; the others map the input and the answer. /openapi.json describes each row in the
 * words of Infobip's document (./documentation).
 */
export const infobip: Dialect = {
  name: 'infobip',
  owns: (path) => path.startsWith(prefix),
  operations: infobipOperations.map(documented),
  security: [{ apiKey: [] }, { bearer: [] }],
  errorBody: infobipErrorBody,
  writeBody: writeInfobipDates,
};
