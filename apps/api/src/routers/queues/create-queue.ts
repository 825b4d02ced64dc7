import { recordAudit } from '../../audit/record-audit';
import { findQueueView } from '../../services/queues/queue-record';
import { queueSettingsData } from '../../services/queues/queue-settings';
import { protectedProcedure } from '../../trpc/init';
import { queueNameSchema, queueSchema, queueSettingsInput } from './queue.types';
import { assertQueueNameFree } from './queue-names';

/**
 * Infobip's "create queue". Fields left out take the document's defaults: auto-assignment off (and
 * off outside working hours), not restricted, not private; no algorithm of its own (the
 * organization's strategy), no calendar of its own (the default one). Infobip's CreateQueue names
 * only `name`, `isAutoAssignmentEnabled`, `workingHoursId` and `externalId`; the other fields of
 * UpdateQueue (and `isPrivate`) are accepted here too, as Switchboard extensions.
 */
export const createQueue = protectedProcedure
  .input(queueSettingsInput.extend({ name: queueNameSchema }))
  .output(queueSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const { organizationId } = ctx;
      // References first: another tenant's calendar is 404 whatever else is wrong.
      const data = await queueSettingsData(tx, organizationId, input);
      await assertQueueNameFree(tx, organizationId, input.name);
      const { id } = await tx.queue.create({ data: { organizationId, name: input.name, ...data } });
      const queue = await findQueueView(tx, organizationId, id);
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: 'queue.create',
        entityType: 'queue',
        entityId: queue.id,
        after: queue,
        requestId: ctx.requestId,
      });
      return queue;
    }),
  );
