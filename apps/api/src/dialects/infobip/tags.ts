import { tagsTag } from '../../routers/tags/tag.types';
import type { DialectOperation } from '../dialect';
import { answersStatus, statusCodeResponseSchema } from './status-code';

/**
 * Infobip's tags over the project's tag procedures, whose inputs and answers are Infobip's shapes
 * already, except the writes the document answers with a status (deleting a tag, adding and
 * removing a conversation's tag). Listing one conversation's tags is a Switchboard path under the
 * family's prefix.
 */
export const tagOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/tags',
    summary: 'Get tags',
    tags: tagsTag,
    procedure: 'tags.list',
  },
  {
    method: 'POST',
    path: '/ccaas/1/tags',
    summary: 'Create tag',
    tags: tagsTag,
    procedure: 'tags.create',
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/tags/{tagName}',
    summary: 'Delete tag',
    tags: tagsTag,
    procedure: 'tags.delete',
    present: answersStatus('Tag deleted successfully.'),
    response: statusCodeResponseSchema,
  },
  {
    method: 'POST',
    path: '/ccaas/1/conversations/{conversationId}/tags',
    summary: 'Add tag to conversation',
    tags: tagsTag,
    procedure: 'tags.addToConversation',
    present: answersStatus('Tag added to conversation successfully.'),
    response: statusCodeResponseSchema,
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/conversations/{conversationId}/tags/{tagName}',
    summary: 'Remove tag from conversation',
    tags: tagsTag,
    procedure: 'tags.removeFromConversation',
    present: answersStatus('Tag removed successfully.'),
    response: statusCodeResponseSchema,
  },
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/tags',
    summary: "List a conversation's tags",
    tags: tagsTag,
    procedure: 'tags.listForConversation',
  },
];
