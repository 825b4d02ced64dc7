import { z } from 'zod';
import { addMessage } from '../../services/conversations/messages';
import { spaceProcedure } from '../../trpc/init';
import { messageTextSchema } from '../messages/message.types';
import { idSchema } from '../shared/schemas';
import { findSpaceGroup } from './find-space-group';
import { assertVisitorSpace } from './visitor-scope';
import { spaceMessageSchema, toSpaceMessage, VISITOR_PREFIX } from './widget-message';

/**
 * A message the widget's user sends to a group conversation: stored as the customer's message of
 * that conversation (detections, events, and the team sees it wherever it works). Sharely answers
 * with its assistant's reply, streamed; Switchboard has no assistant, so the answer is the stored
 * message (JSON) and `reply` is null: replies come from the team and are listed with the messages.
 */
export const postSpaceMessage = spaceProcedure
  .input(
    z.object({
      spaceId: idSchema,
      groupId: idSchema,
      newMessage: messageTextSchema,
      languageId: z.string().max(16).optional(),
    }),
  )
  .output(z.object({ message: spaceMessageSchema, reply: z.null() }))
  .mutation(async ({ ctx, input }) => {
    assertVisitorSpace(ctx.visitor, input.spaceId);
    const group = await findSpaceGroup(ctx.prisma, ctx.organizationId, input);
    const from = ctx.visitor ? `${VISITOR_PREFIX}${ctx.visitor.id}` : 'customer';
    const message = await addMessage(ctx, { conversationId: group.id, from, text: input.newMessage });
    return { message: toSpaceMessage(message), reply: null };
  });
