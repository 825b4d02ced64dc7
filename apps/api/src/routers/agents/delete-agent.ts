import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import { agentIdInput, agentSchema, presentAgent } from './agent.types';
import { loadAgent } from './agent-rules';

/**
 * Deletes an agent; its conversations become unassigned (they keep their queue) and its queue
 * memberships go. Conversations are updated before the agent row is locked by the delete —
 * the same order routing takes its locks (conversation, then agent) — so the two cannot deadlock.
 */
export const deleteAgent = protectedProcedure
  .input(agentIdInput)
  .output(agentSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const agent = presentAgent(await loadAgent(tx, ctx.organizationId, input.agentId));
      const unassigned = await tx.conversation.updateMany({
        where: { organizationId: ctx.organizationId, agentId: agent.id },
        data: { agentId: null, assignedAt: null, version: { increment: 1 } },
      });
      await tx.agent.delete({ where: { id: agent.id } });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'agent.delete',
        entityType: 'agent',
        entityId: agent.id,
        before: agent,
        after: { deleted: true, unassignedConversations: unassigned.count },
        requestId: ctx.requestId,
      });
      return agent;
    }),
  );
