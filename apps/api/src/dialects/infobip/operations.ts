import type { DialectOperation } from '../dialect';
import { agentOperations } from './agents';
import { conversationEventOperations } from './conversation-event-operations';
import { conversationOperations } from './conversations';
import { linkedConversationOperations } from './linked-conversations';
import { messageOperations } from './messages';
import { metadataOperations } from './metadata';
import { noteOperations } from './notes';
import { queueOperations } from './queues';
import { relatedCommentOperations } from './related-comments';
import { routingOperations } from './routing-operations';
import { tagOperations } from './tags';
import { workingHoursOperations } from './working-hours-operations';

/** Every Infobip operation: the family's paths over the project's procedures. */
export const infobipOperations: DialectOperation[] = [
  ...conversationOperations,
  ...tagOperations,
  ...queueOperations,
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
