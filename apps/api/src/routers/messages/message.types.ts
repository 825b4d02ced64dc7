import { z } from 'zod';
import {
  contentProblem,
  contentSchema,
  contentTypeSchema,
  messageChannels,
} from '../../shared/message-content';
import { socialChannels, socialContextInput, socialContextSchema } from '../../shared/social-context';
import { pageInput, paginationSchema } from '../shared/page-input';
import { idSchema, isoDateSchema } from '../shared/schemas';

export const messagesTag = ['Messages (Infobip)'];

export const directionSchema = z.enum(['INBOUND', 'OUTBOUND']);
export const authorTypeSchema = z.enum(['CUSTOMER', 'AGENT', 'SYSTEM', 'BOT']);

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  channel: z.string().nullable(),
  direction: directionSchema,
  contentType: z.string(),
  content: contentSchema,
  text: z.string().describe('The searchable text of the content (trackers and entities are detected in it)'),
  authorType: authorTypeSchema,
  authorId: z.string().nullable().describe("The agent's id for an agent's message or note"),
  internal: z.boolean().describe('An internal note: never sent to the customer'),
  socialContext: socialContextSchema.nullable().describe("A social comment's place on the network"),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});

export const messageTextSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(20_000, 'must be at most 20000 characters');

const address = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

/**
 * A message: Infobip's `{ from, to, channel, contentType, content }`, or `text` as a shorthand for
 * TEXT content (the Slack bot's notes). Messages are stored, never sent to a channel.
 */
export const createMessageInput = z
  .object({
    conversationId: idSchema,
    from: address,
    to: address.optional(),
    channel: z.enum(messageChannels).optional(),
    contentType: contentTypeSchema.optional().describe('Default TEXT'),
    content: contentSchema.optional().describe('Shaped by contentType, e.g. {"text":"…"} for TEXT'),
    text: messageTextSchema.optional().describe('Shorthand for TEXT content: {"text": text}'),
    direction: directionSchema.optional().describe('INBOUND (from the customer, default) or OUTBOUND'),
    authorType: authorTypeSchema.optional().describe('Default CUSTOMER for INBOUND, AGENT for OUTBOUND'),
    authorId: idSchema.optional().describe("The writing agent's id"),
    internal: z
      .boolean()
      .optional()
      .describe('An internal note for the team (default false): never sent to the customer'),
    socialContext: socialContextInput
      .optional()
      .describe(
        `Switchboard extension: a comment's place on the social network (channel ${socialChannels.join(' or ')}), read by related comments`,
      ),
  })
  .superRefine((input, issues) => {
    if (input.socialContext !== undefined) {
      const problem = socialContextProblem(input);
      if (problem) issues.addIssue({ code: 'custom', path: ['socialContext'], message: problem });
    }
    if (input.content === undefined && input.text === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['content'],
        message: 'is required: send content (e.g. {"text":"Hello"} with contentType TEXT)',
      });
      return;
    }
    if (input.content !== undefined && input.text !== undefined) {
      issues.addIssue({ code: 'custom', path: ['text'], message: 'send either text or content, not both' });
      return;
    }
    const problem = contentProblem(input.contentType ?? 'TEXT', input.content ?? { text: input.text });
    if (problem) issues.addIssue({ code: 'custom', path: ['content'], message: problem });
  });
export type CreateMessageInput = z.infer<typeof createMessageInput>;

/** A social context belongs to a customer-facing comment on a social post channel. */
function socialContextProblem(input: { channel?: string | undefined; internal?: boolean | undefined }) {
  if (!(socialChannels as readonly string[]).includes(input.channel ?? '')) {
    return `is for comments: send channel ${socialChannels.join(' or ')} with it`;
  }
  if (input.internal) return 'is for comments: an internal note has none';
  return null;
}

const instantText = z.string().max(64).optional().describe('ISO-8601, e.g. 2025-04-24T11:25:41.058+0000');

/** Paged as every page-numbered list (default 10, by createdAt:asc; orderBy id or createdAt). */
export const listMessagesInput = pageInput.extend({
  conversationId: idSchema,
  messageIds: z.array(idSchema).max(999).optional(),
  channel: z.string().max(64).optional(),
  direction: directionSchema.optional(),
  createdAfter: instantText,
  createdBefore: instantText,
  internal: z.boolean().optional().describe('Only notes (true) or only messages (false); default both'),
  cursor: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe('nextCursor of the previous page (instead of page).'),
});
export type ListMessagesInput = z.infer<typeof listMessagesInput>;

export const listMessagesOutput = z.object({
  messages: z.array(messageSchema),
  pagination: paginationSchema,
  nextCursor: z.string().nullable(),
});
