import { presentConversation } from '../../services/conversations/conversation-view';
import { findMemberPage } from '../../services/groups/group-members';
import { resolveMemberRequest } from '../../services/groups/member-request';
import { protectedProcedure } from '../../trpc/init';
import { groupsTag } from './group.types';
import { memberPageOutput, membersInput } from './members.types';

/**
 * `groups.members` without the total: the same page, the same input, in a time that does not grow
 * with the group. The exact total reads every match; a client that shows the page first asks
 * `groups.count` beside it (or never, when it only pages with `nextCursor`).
 */
export const memberPage = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/groups/{groupId}/conversations/page',
      tags: groupsTag,
      protect: true,
      summary: "A page of the conversations matching the group's criteria, without the total",
    },
  })
  .input(membersInput)
  .output(memberPageOutput)
  .query(async ({ ctx, input }) => {
    const { criteria, page } = await resolveMemberRequest(ctx.prisma, ctx.organizationId, input);
    const members = await findMemberPage(ctx.prisma, ctx.organizationId, criteria, page);
    return {
      conversations: members.rows.map(presentConversation),
      limit: page.limit,
      offset: page.offset,
      nextCursor: members.nextCursor,
    };
  });
