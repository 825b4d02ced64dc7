import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { listMessagesInput } from '../../routers/messages/message.types';
import { paginationSchema } from '../../routers/shared/page-input';
import type { MessageView } from '../../services/conversations/messages';
import type { DialectOperation, RestRequest } from '../dialect';
import { bodyObject, withoutNulls } from './request';

const notesTag = ['Notes (Infobip)'];

/**
 * A note is a conversation's internal message (`internal`: never sent to the customer), written
 * by an agent. An ATTACHMENT note keeps `{ text, attachments }` as its content.
 */
const toInfobipNote = (message: MessageView) =>
  withoutNulls({
    id: message.id,
    conversationId: message.conversationId,
    agentId: message.authorId,
    content: message.text,
    type: message.contentType === 'ATTACHMENT' ? 'ATTACHMENT' : 'INTERNAL',
    createdAt: message.createdAt,
    updatedAt: message.updatedAt,
  });

const noteSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  agentId: z.string().optional(),
  content: z.string(),
  type: z.enum(['INTERNAL', 'ATTACHMENT']),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const maxNoteLength = 4000;

/** Infobip's CreateNoteApiRequest as the message it is stored as. */
function noteInput(request: RestRequest) {
  const body = bodyObject(request);
  const type = body.type ?? 'INTERNAL';
  if (type !== 'INTERNAL' && type !== 'ATTACHMENT') {
    throw new DomainError('VALIDATION', 'type must be INTERNAL (default) or ATTACHMENT.', { field: 'type' });
  }
  const content =
    typeof body.content === 'string' ? { text: body.content } : (body.content as Record<string, unknown>);
  if (
    typeof content !== 'object' ||
    content === null ||
    Array.isArray(content) ||
    typeof content.text !== 'string'
  ) {
    throw new DomainError(
      'VALIDATION',
      'content must be the note text ("content": "…"), or { "text": "…", "attachments": [{ "id": "…" }] } for ATTACHMENT.',
      { field: 'content' },
    );
  }
  if (content.text.length === 0 || content.text.length > maxNoteLength) {
    throw new DomainError('VALIDATION', `content must be 1 to ${maxNoteLength} characters of text.`, {
      field: 'content',
    });
  }
  const agentId = body.agentId;
  if (agentId !== undefined && typeof agentId !== 'string') {
    throw new DomainError('VALIDATION', "agentId must be the writing agent's id (a string).", {
      field: 'agentId',
    });
  }
  return {
    conversationId: request.params.conversationId,
    from: agentId ?? 'api',
    contentType: type === 'ATTACHMENT' ? 'ATTACHMENT' : 'TEXT',
    content: type === 'ATTACHMENT' ? content : { text: content.text },
    direction: 'OUTBOUND',
    authorType: 'AGENT',
    ...(agentId !== undefined ? { authorId: agentId } : {}),
    internal: true,
  };
}

export const noteOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/notes',
    summary: 'Get notes',
    tags: notesTag,
    procedure: 'messages.list',
    input: ({ query, params }) => ({
      limit: query.limit,
      page: query.page,
      orderBy: query.orderBy,
      internal: true,
      conversationId: params.conversationId,
    }),
    query: listMessagesInput.pick({ limit: true, page: true, orderBy: true }),
    present: ({
      messages,
      pagination,
    }: {
      messages: MessageView[];
      pagination: z.infer<typeof paginationSchema>;
    }) => ({
      notes: messages.map(toInfobipNote),
      pagination,
    }),
    response: z.object({ notes: z.array(noteSchema), pagination: paginationSchema }),
  },
  {
    method: 'POST',
    path: '/ccaas/1/conversations/{conversationId}/notes',
    summary: 'Create note',
    tags: notesTag,
    procedure: 'messages.create',
    input: noteInput,
    present: toInfobipNote,
    body: z.object({
      type: z.enum(['INTERNAL', 'ATTACHMENT']).optional(),
      content: z.union([z.string(), z.record(z.string(), z.unknown())]),
      agentId: z.string().optional(),
    }),
    response: noteSchema,
  },
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/notes/{noteId}',
    summary: 'Get note',
    tags: notesTag,
    procedure: 'messages.get',
    input: ({ params }) => ({
      conversationId: params.conversationId,
      messageId: params.noteId,
      internal: true,
    }),
    present: toInfobipNote,
    response: noteSchema,
  },
];
