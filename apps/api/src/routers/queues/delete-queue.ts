import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import { findQueueView } from '../../services/queues/queue-record';
import { loadSettings } from '../../services/settings/load-settings';
import { protectedProcedure } from '../../trpc/init';
import { queueIdInput, queueSchema } from './queue.types';

/**
 * Deletes a queue and its memberships; its conversations become unqueued (agents stay). A queue
 * that routing still sends conversations to — a route's target or the default queue — is
 * refused with 409 rather than silently dropping those rules.
 */
export const deleteQueue = protectedProcedure
  .input(queueIdInput)
  .output(queueSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const queue = await findQueueView(tx, ctx.organizationId, input.queueId);
      await assertNotRoutedTo(tx, ctx.organizationId, queue.id);
      const unqueued = await tx.conversation.updateMany({
        where: { organizationId: ctx.organizationId, queueId: queue.id },
        data: { queueId: null, version: { increment: 1 } },
      });
      await tx.queue.delete({ where: { id: queue.id } });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'queue.delete',
        entityType: 'queue',
        entityId: queue.id,
        before: queue,
        after: { deleted: true, unqueuedConversations: unqueued.count },
        requestId: ctx.requestId,
      });
      return queue;
    }),
  );

async function assertNotRoutedTo(tx: Prisma.TransactionClient, organizationId: string, queueId: string) {
  const routes = await tx.route.findMany({
    where: { organizationId, queueId },
    select: { name: true },
    orderBy: { priority: 'asc' },
  });
  if (routes.length > 0) {
    const names = routes.map((route) => `"${route.name}"`).join(', ');
    throw new DomainError(
      'CONFLICT',
      `Queue ${queueId} is the target of routing rule(s) ${names}; change the routing (PUT /ccaas/1/routing) first.`,
      { field: 'queueId', rule: 'QUEUE_IN_ROUTING', routes: routes.map((route) => route.name) },
    );
  }
  const settings = await loadSettings(tx, organizationId);
  if (settings.routing.defaultQueueId === queueId) {
    throw new DomainError(
      'CONFLICT',
      `Queue ${queueId} is the default queue in settings (routing.defaultQueueId); change that setting first.`,
      { field: 'queueId', rule: 'DEFAULT_QUEUE' },
    );
  }
}
