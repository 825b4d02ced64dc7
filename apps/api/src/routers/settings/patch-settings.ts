import { DomainError, type OrganizationSettings, resolveSettings } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import { applySettingsPatch } from './apply-settings-patch';
import { patchOperationSchema, settingsSchema, settingsTag } from './settings.types';

/**
 * Symbl's `PATCH /v1/manage/settings`: the body is an RFC 6902 JSON Patch (a bare array) applied
 * to the whole document, defaults included. Everything is checked before anything is written, so
 * a failing patch changes nothing. Concurrent patches are serialised by the row's version: the
 * loser gets 409 and retries against the new document.
 */
export const patchSettings = protectedProcedure
  .meta({
    openapi: {
      method: 'PATCH',
      path: '/v1/manage/settings',
      tags: settingsTag,
      protect: true,
      summary: 'Change settings with an RFC 6902 JSON Patch (a JSON array of operations)',
    },
    rest: { bodyAs: 'patch' },
  })
  .input(z.object({ patch: z.array(patchOperationSchema).max(100, 'must hold at most 100 operations') }))
  .output(settingsSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const row = await tx.settings.findUnique({ where: { organizationId: ctx.organizationId } });
      const before = resolveSettings(row?.document ?? {});
      const after = applySettingsPatch(before, input.patch);
      if (after.routing.defaultQueueId !== before.routing.defaultQueueId) {
        await assertQueueOfOrganization(tx, ctx.organizationId, after.routing.defaultQueueId);
      }
      // A patch that changes nothing (the same value again) writes nothing and records nothing.
      if (JSON.stringify(after) === JSON.stringify(before)) return after;
      const document = after as unknown as Prisma.InputJsonValue;
      if (!row) {
        await tx.settings.create({ data: { organizationId: ctx.organizationId, document } });
      } else {
        const { count } = await tx.settings.updateMany({
          where: { organizationId: ctx.organizationId, version: row.version },
          data: { document, version: { increment: 1 } },
        });
        if (count === 0) {
          throw new DomainError(
            'CONFLICT',
            'The settings changed while this patch was applied; read them and retry.',
          );
        }
      }
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'settings.update',
        entityType: 'settings',
        entityId: ctx.organizationId,
        before,
        after,
        requestId: ctx.requestId,
      });
      return after;
    }),
  );

async function assertQueueOfOrganization(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueId: OrganizationSettings['routing']['defaultQueueId'],
): Promise<void> {
  if (queueId === null) return;
  const queue = await tx.queue.findFirst({ where: { id: queueId, organizationId }, select: { id: true } });
  if (!queue) {
    throw new DomainError(
      'VALIDATION',
      'Settings value at "/routing/defaultQueueId" must be the id of one of your queues (or null).',
      { field: '/routing/defaultQueueId', path: '/routing/defaultQueueId' },
    );
  }
}
