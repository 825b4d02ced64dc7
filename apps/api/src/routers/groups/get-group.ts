import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { findGroupByRef } from '../../services/groups/find-group';
import { presentGroup } from '../../services/groups/group-view';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { groupIdInput, groupsTag, oneGroupOutput } from './group.types';

/**
 * tRPC `groups.get`: by id or by exact name (the Slack bot addresses groups by name). REST path
 * parameters must be required, so `GET /v1/manage/group/{groupId}` is served by `getById`.
 */
export const getGroup = protectedProcedure
  .input(z.object({ groupId: idSchema.optional(), name: z.string().min(1).max(256).optional() }))
  .output(oneGroupOutput)
  .query(async ({ ctx, input }) => {
    if ((input.groupId === undefined) === (input.name === undefined)) {
      throw new DomainError('VALIDATION', 'Send exactly one of groupId and name.', { field: 'groupId' });
    }
    return { group: presentGroup(await findGroupByRef(ctx.prisma, ctx.organizationId, input)) };
  });

export const getGroupById = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/manage/group/{groupId}',
      summary: 'Get a conversation group',
      tags: groupsTag,
      protect: true,
    },
  })
  .input(groupIdInput)
  .output(oneGroupOutput)
  .query(async ({ ctx, input }) => ({
    group: presentGroup(await findGroupByRef(ctx.prisma, ctx.organizationId, input)),
  }));
