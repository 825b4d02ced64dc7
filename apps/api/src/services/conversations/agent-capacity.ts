import type { ConversationStatus } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { assertAgentCanTake } from '../routing/assign-conversation';
import { findAgent } from '../routing/find-routing-objects';

/**
 * Guards an explicit agentId on create / PUT / PATCH with the rule manual assignment follows
 * (routing's assertAgentCanTake: the agent's row is locked, then its load counted, so two
 * requests cannot both take an agent's last free slot). A conversation written as CLOSED (an
 * import, or closing while handing over) occupies nobody, so only the agent's existence is
 * checked. Stamps lastAssignedAt, which round-robin assignment orders by.
 */
export async function takeAgent(
  tx: Prisma.TransactionClient,
  organizationId: string,
  conversation: { id?: string | undefined; status: ConversationStatus; agentId: string | null },
  agentId: string,
  now: Date,
): Promise<void> {
  if (conversation.status === 'CLOSED') {
    await findAgent(tx, organizationId, agentId);
  } else {
    // A conversation being created has no id yet, so none of the agent's conversations is left out.
    await assertAgentCanTake(tx, organizationId, agentId, { ...conversation, id: conversation.id ?? '' });
  }
  await tx.agent.update({ where: { id: agentId }, data: { lastAssignedAt: now } });
}
