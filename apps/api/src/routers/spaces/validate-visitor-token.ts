import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { spaceProcedure } from '../../trpc/init';

/**
 * Sharely's widget checks the visitor token it kept (its cookie) before reusing it: the space and
 * temporal user it opens. An expired or unknown token is 401 (the widget reads `error`, then
 * opens a new space); an organization's credential is no visitor token, so it is 401 too.
 */
export const validateVisitorToken = spaceProcedure
  .input(z.object({}).optional())
  .output(
    z.object({
      spaceId: z.string(),
      temporalUserId: z.string(),
      workspaceId: z.string(),
      expiresAt: z.string(),
    }),
  )
  .query(({ ctx }) => {
    const { visitor } = ctx;
    if (!visitor) {
      throw new DomainError(
        'UNAUTHORIZED',
        'This is not a visitor token: send the token POST /workspaces/{workspaceId}/spaces answered.',
      );
    }
    return {
      spaceId: visitor.spaceId,
      temporalUserId: visitor.id,
      workspaceId: visitor.workspaceId,
      expiresAt: visitor.expiresAt.toISOString(),
    };
  });
