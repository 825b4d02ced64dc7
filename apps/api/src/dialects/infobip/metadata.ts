import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { expectedVersionFrom } from '../../http/if-match';
import { conversationsTag, metadataSchema } from '../../routers/conversations/conversation.types';
import type { DialectOperation } from '../dialect';
import { bodyObject } from './request';
import { answersStatus, statusCodeResponseSchema } from './status-code';

/** The document's metadata body has at least one key (`minProperties: 1`); DELETE empties the map. */
function assertSomeKey(body: unknown): void {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0) {
    throw new DomainError('VALIDATION', 'Send at least one metadata key, e.g. { "key1": "value1" }.', {
      field: '(body)',
    });
  }
}

export const metadataOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/metadata',
    summary: 'Get metadata',
    tags: conversationsTag,
    procedure: 'conversations.getMetadata',
  },
  {
    method: 'PUT',
    path: '/ccaas/1/conversations/{conversationId}/metadata',
    summary: 'Put metadata',
    tags: conversationsTag,
    procedure: 'conversations.replaceMetadata',
    // The body is the whole new map (any other body is refused naming `metadata`). The writes
    // that replace the map honour If-Match (a Switchboard extension), as REST paths do.
    input: (request) => {
      assertSomeKey(request.body);
      return {
        metadata: request.body,
        ...expectedVersionFrom(request.headers),
        conversationId: request.params.conversationId,
      };
    },
    present: answersStatus('Metadata added to conversation successfully.'),
    body: metadataSchema,
    response: statusCodeResponseSchema,
  },
  {
    method: 'PATCH',
    path: '/ccaas/1/conversations/{conversationId}/metadata',
    summary: 'Patch metadata',
    tags: conversationsTag,
    procedure: 'conversations.mergeMetadata',
    input: (request) => {
      const metadata = bodyObject(request);
      assertSomeKey(metadata);
      return { metadata, conversationId: request.params.conversationId };
    },
    present: answersStatus('Metadata patch to conversation successfully.'),
    body: z.record(z.string(), z.unknown()),
    response: statusCodeResponseSchema,
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/conversations/{conversationId}/metadata',
    summary: 'Delete metadata',
    tags: conversationsTag,
    procedure: 'conversations.replaceMetadata',
    input: (request) => ({
      metadata: {},
      ...expectedVersionFrom(request.headers),
      conversationId: request.params.conversationId,
    }),
    present: answersStatus('Metadata deleted successfully.'),
    response: statusCodeResponseSchema,
  },
];
