import { recordAudit } from '../../audit/record-audit';
import { findQueueView } from '../../services/queues/queue-record';
import { queueSettingsData } from '../../services/queues/queue-settings';
import { protectedProcedure } from '../../trpc/init';
import { queueIdInput, queueNameSchema, queueSchema, queueSettingsInput } from './queue.types';
import { assertQueueNameFree } from './queue-names';

/**
 * Infobip's "update queue" (PUT): changes the fields sent and keeps the others, as agents' PUT
 * does. UpdateQueue's schema defaults (`isAutoAssignmentEnabled: true`, …) are not applied to
 * fields left out: a rename does not switch auto-assignment on.
 */
export const updateQueue = protectedProcedure
  .input(queueIdInput.extend(queueSettingsInput.shape).extend({ name: queueNameSchema.optional() }))
  .output(queueSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await findQueueView(tx, organizationId, input.queueId);
      const data = await queueSettingsData(tx, organizationId, input);
      if (input.name !== undefined) await assertQueueNameFree(tx, organizationId, input.name, input.queueId);
      await tx.queue.update({ where: { id: before.id }, data: { name: input.name, ...data } });
      const queue = await findQueueView(tx, organizationId, before.id);
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: 'queue.update',
        entityType: 'queue',
        entityId: queue.id,
        before,
        after: queue,
        requestId: ctx.requestId,
      });
      return queue;
    }),
  );
