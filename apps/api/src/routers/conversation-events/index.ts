import { router } from '../../trpc/init';
import { sendConversationEvent } from './send-conversation-event';

export const conversationEventsRouter = router({ send: sendConversationEvent });
