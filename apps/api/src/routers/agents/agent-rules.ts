import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { agentInclude } from './agent.types';

/** A Slack user maps to one agent per organization (the bot finds agents this way). */
export async function assertSlackUserFree(
  tx: Prisma.TransactionClient,
  organizationId: string,
  slackUserId: string | null | undefined,
  exceptAgentId?: string,
): Promise<void> {
  if (!slackUserId) return;
  const taken = await tx.agent.findFirst({
    where: { organizationId, slackUserId, ...(exceptAgentId ? { id: { not: exceptAgentId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    throw new DomainError('CONFLICT', `Slack user ${slackUserId} is already mapped to agent ${taken.id}.`, {
      field: 'slackUserId',
      agentId: taken.id,
    });
  }
}

/** `name` or Infobip's `displayName`, whichever was sent. */
export function chosenName(input: { name?: string | undefined; displayName?: string | undefined }) {
  return input.name ?? input.displayName;
}

/** An agent of the organization with its queue ids, or 404 (another tenant's id looks like none). */
export async function loadAgent(tx: Prisma.TransactionClient, organizationId: string, agentId: string) {
  const agent = await tx.agent.findFirst({ where: { id: agentId, organizationId }, include: agentInclude });
  if (!agent) throw new DomainError('NOT_FOUND', `Agent ${agentId} not found`, { field: 'agentId' });
  return agent;
}
