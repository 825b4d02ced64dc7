import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { spaceProcedure } from '../../trpc/init';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';
import { assertVisitorSpace } from './visitor-scope';

const metadataSchema = z
  .record(z.string().max(128, 'keys must be at most 128 characters'), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 8_000, 'must be at most 8000 characters as JSON');

/**
 * What Sharely's widget reports about a space (it opened, a suggestion was clicked…): stored with
 * its type and metadata, and an event (`spaceEvent.created`) for webhooks and the event stream.
 */
export const recordSpaceEvent = spaceProcedure
  .input(
    z.object({
      spaceId: idSchema,
      type: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
      metadata: metadataSchema.default({}),
    }),
  )
  .output(
    z.object({
      id: z.string(),
      spaceId: z.string(),
      type: z.string(),
      metadata: z.record(z.string(), z.unknown()),
      createdAt: isoDateSchema,
    }),
  )
  .mutation(({ ctx, input }) => {
    assertVisitorSpace(ctx.visitor, input.spaceId);
    return ctx.prisma.$transaction(async (tx) => {
      const space = await tx.space.findFirst({
        where: { id: input.spaceId, organizationId: ctx.organizationId },
        select: { id: true },
      });
      if (!space) throw new DomainError('NOT_FOUND', 'Space not found', { field: 'spaceId' });
      const row = await tx.spaceEvent.create({
        data: {
          organizationId: ctx.organizationId,
          spaceId: space.id,
          type: input.type,
          metadata: input.metadata as object,
        },
      });
      const view = {
        id: row.id,
        spaceId: row.spaceId,
        type: row.type,
        metadata: row.metadata as Record<string, unknown>,
        createdAt: toIso(row.createdAt),
      };
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'spaceEvent.create',
        entityType: 'spaceEvent',
        entityId: row.id,
        after: view,
        requestId: ctx.requestId,
      });
      return view;
    });
  });
