import type { DialectOperation } from '../dialect';
import { agentOperations } from './agents';
import { conversationEventOperations } from './conversation-event-operations';
import { linkedConversationOperations } from './linked-conversations';
import { messageOperations } from './messages';
import { metadataOperations } from './metadata';
import { noteOperations } from './notes';
import { relatedCommentOperations } from './related-comments';
import { routingOperations } from './routing-operations';
import { workingHoursOperations } from './working-hours-operations';

/** Infobip operations whose wire shape is not the procedure's own (the rest are on procedure metadata). */
export const infobipOperations: DialectOperation[] = [
  ...messageOperations,
  ...noteOperations,
  ...metadataOperations,
  ...agentOperations,
  ...routingOperations,
  ...workingHoursOperations,
  ...conversationEventOperations,
  ...linkedConversationOperations,
  ...relatedCommentOperations,
];
