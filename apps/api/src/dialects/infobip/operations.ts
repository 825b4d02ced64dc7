import type { DialectOperation } from '../dialect';
import { agentOperations } from './agents';
import { messageOperations } from './messages';
import { metadataOperations } from './metadata';
import { noteOperations } from './notes';

/** Infobip operations whose wire shape is not the procedure's own (the rest are on procedure metadata). */
export const infobipOperations: DialectOperation[] = [
  ...messageOperations,
  ...noteOperations,
  ...metadataOperations,
  ...agentOperations,
];
