import { DomainError } from '@switchboard/core';
import { presentConversation } from '../../services/conversations/conversation-view';
import { findGroup } from '../../services/groups/find-group';
import { findMembers } from '../../services/groups/group-members';
import { memberCriteria } from '../../services/groups/member-criteria';
import { decodeMemberCursor } from '../../services/groups/member-cursor';
import { loadSettings, pageSize } from '../../services/settings/load-settings';
import { protectedProcedure } from '../../trpc/init';
import { groupsTag } from './group.types';
import { membersInput, membersOutput } from './members.types';

/** The conversations that match the group's criteria now (membership is dynamic). */
export const listGroupMembers = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/groups/{groupId}/conversations',
      tags: groupsTag,
      protect: true,
      summary: "Conversations matching the group's criteria",
    },
  })
  .input(membersInput)
  .output(membersOutput)
  .query(async ({ ctx, input }) => {
    if (input.cursor !== undefined && input.offset > 0) {
      throw new DomainError('VALIDATION', 'Send either offset or cursor, not both.', { field: 'cursor' });
    }
    const group = await findGroup(ctx.prisma, ctx.organizationId, input.groupId);
    const criteria = memberCriteria(group.criteria, input);
    const limit = pageSize(await loadSettings(ctx.prisma, ctx.organizationId), input.limit);
    const page = await findMembers(ctx.prisma, ctx.organizationId, criteria, {
      limit,
      offset: input.offset,
      order: input.order,
      cursor: input.cursor === undefined ? undefined : decodeMemberCursor(input.cursor),
    });
    return {
      conversations: page.rows.map(presentConversation),
      totalCount: page.totalCount,
      limit,
      offset: input.offset,
      nextCursor: page.nextCursor,
    };
  });
