import { z } from 'zod';
import type { DialectOperation } from '../dialect';

/** Infobip's conversation events (typing indicators), recorded in Switchboard's event log. */
export const conversationEventOperations: DialectOperation[] = [
  {
    method: 'POST',
    path: '/ccaas/1/conversations/{conversationId}/events',
    summary: 'Send a conversation event',
    tags: ['Conversations (Infobip)'],
    procedure: 'conversationEvents.send',
    response: z.object({}),
  },
];
