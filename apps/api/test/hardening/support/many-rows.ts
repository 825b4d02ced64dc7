import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@switchboard/db';
import type { SeededTenant } from './tenant-seed';

/**
 * More rows of every listed kind than the largest page (100 by default), written straight into
 * the database, so an uncapped page size shows up as an oversized answer.
 */
export async function insertManyRows(prisma: PrismaClient, seed: SeededTenant, count: number): Promise<void> {
  const organizationId = seed.organizationId;
  const n = Array.from({ length: count }, (_, i) => i);
  const tag = randomBytes(3).toString('hex');
  await prisma.conversation.createMany({
    data: n.map((i) => ({
      organizationId,
      workspaceId: seed.workspaceId,
      spaceId: seed.spaceId,
      topic: `Bulk ${i}`,
    })),
  });
  await prisma.message.createMany({
    data: n.map((i) => ({
      organizationId,
      conversationId: seed.conversationId,
      from: 'bulk',
      text: `Bulk ${i}`,
      content: { text: `Bulk ${i}` },
    })),
  });
  await prisma.auditEvent.createMany({
    data: n.map((i) => ({
      organizationId,
      actorType: 'SYSTEM' as const,
      actorId: 'bulk',
      action: `bulk.${i}`,
      entityType: 'conversation',
      entityId: seed.conversationId,
    })),
  });
  await prisma.tag.createMany({ data: n.map((i) => ({ organizationId, name: `bulk-${tag}-${i}` })) });
  await prisma.queue.createMany({ data: n.map((i) => ({ organizationId, name: `Bulk ${tag} ${i}` })) });
  await prisma.agent.createMany({
    data: n.map((i) => ({ organizationId, name: `Bulk ${i}`, status: 'ACTIVE' as const })),
  });
  const agents = await prisma.agent.findMany({ where: { organizationId, name: { startsWith: 'Bulk ' } } });
  await prisma.queueMember.createMany({
    data: agents.map((agent) => ({ organizationId, queueId: seed.queueId, agentId: agent.id })),
  });
  await prisma.workspace.createMany({ data: n.map((i) => ({ organizationId, name: `Bulk ${i}` })) });
  await prisma.space.createMany({
    data: n.map((i) => ({ organizationId, workspaceId: seed.workspaceId, name: `Bulk ${i}` })),
  });
  await prisma.conversationGroup.createMany({
    data: n.map((i) => ({ organizationId, name: `Bulk ${tag} ${i}`, criteria: 'status==OPEN' })),
  });
  await prisma.customEntity.createMany({
    data: n.map((i) => ({ organizationId, type: `Bulk${tag}`, subType: `S${i}`, values: [`bulkvalue${i}`] })),
  });
  await prisma.tracker.createMany({
    data: n.map((i) => ({ organizationId, name: `Bulk ${tag} ${i}`, vocabulary: [`bulk phrase ${i}`] })),
  });
  await prisma.apiKey.createMany({
    data: n.map((i) => ({
      organizationId,
      name: `Bulk ${i}`,
      prefix: `sb_bulk${i}`,
      hash: `bulk-${tag}-${i}`,
    })),
  });
}

/** The longest list anywhere in a JSON answer. */
export function longestList(value: unknown): number {
  let longest = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) longest = Math.max(longest, item.length);
    if (item && typeof item === 'object') stack.push(...Object.values(item));
  }
  return longest;
}
