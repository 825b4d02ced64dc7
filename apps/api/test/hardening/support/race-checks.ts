import type { PrismaClient } from '@switchboard/db';

type View = { version?: number; status?: string; agentId?: string | null; queueId?: string | null };

/**
 * Invariants after route / assign / close raced on the same conversations:
 * - no agent holds more open (not CLOSED) conversations than its capacity;
 * - every conversation whose close was acknowledged is CLOSED, and no audited change after its
 *   close touched its status, queue or agent (CLOSED stays CLOSED);
 * - each conversation's audited changes form one chain (version n → n + 1, each version once),
 *   ending at the row's version: no two writers ever changed it from the same state, so no
 *   double assignment.
 */
export async function raceProblems(
  prisma: PrismaClient,
  organizationId: string,
  closedByAnswer: ReadonlySet<string>,
): Promise<string[]> {
  const problems: string[] = [];
  const conversations = await prisma.conversation.findMany({ where: { organizationId } });
  const agents = await prisma.agent.findMany({ where: { organizationId } });
  for (const agent of agents) {
    const open = conversations.filter((c) => c.agentId === agent.id && c.status !== 'CLOSED').length;
    if (open > agent.capacity)
      problems.push(`agent ${agent.name}: ${open} open conversations, capacity ${agent.capacity}`);
  }
  const events = await prisma.auditEvent.findMany({ where: { organizationId, entityType: 'conversation' } });
  for (const conversation of conversations) {
    if (closedByAnswer.has(conversation.id) && conversation.status !== 'CLOSED') {
      problems.push(`${conversation.id}: close was acknowledged, status is ${conversation.status}`);
    }
    const chain = events
      .filter((e) => e.entityId === conversation.id)
      .map((e) => ({ action: e.action, before: e.before as View | null, after: e.after as View | null }))
      .filter((e) => typeof e.after?.version === 'number')
      .sort((x, y) => (x.after?.version ?? 0) - (y.after?.version ?? 0));
    chain.forEach((event, i) => {
      const previous = chain[i - 1];
      if (previous && event.before?.version !== previous.after?.version) {
        problems.push(
          `${conversation.id}: ${event.action} from version ${event.before?.version}, after ${previous.action} to ${previous.after?.version}`,
        );
      }
      if (previous?.after?.status === 'CLOSED') {
        const after = event.after ?? {};
        const changed =
          after.status !== 'CLOSED' ||
          after.agentId !== previous.after.agentId ||
          after.queueId !== previous.after.queueId;
        if (changed) problems.push(`${conversation.id}: ${event.action} changed a CLOSED conversation`);
      }
    });
    const last = chain.at(-1)?.after?.version;
    if (last !== undefined && last !== conversation.version) {
      problems.push(`${conversation.id}: row at version ${conversation.version}, newest audit at ${last}`);
    }
  }
  return problems;
}
