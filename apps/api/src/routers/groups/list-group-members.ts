import { presentConversation } from '../../services/conversations/conversation-view';
import { findMembers } from '../../services/groups/group-members';
import { resolveMemberRequest } from '../../services/groups/member-request';
import { protectedProcedure } from '../../trpc/init';
import { membersInput, membersOutput } from './members.types';

/** The conversations that match the group's criteria now (membership is dynamic), and their total. */
export const listGroupMembers = protectedProcedure
  .input(membersInput)
  .output(membersOutput)
  .query(async ({ ctx, input }) => {
    const { criteria, page } = await resolveMemberRequest(ctx.prisma, ctx.organizationId, input);
    const members = await findMembers(ctx.prisma, ctx.organizationId, criteria, page);
    return {
      conversations: members.rows.map(presentConversation),
      totalCount: members.totalCount,
      limit: page.limit,
      offset: page.offset,
      nextCursor: members.nextCursor,
    };
  });
