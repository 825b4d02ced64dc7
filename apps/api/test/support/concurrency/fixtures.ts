import type { ConversationStatus, OrganizationSettings, Priority } from '@switchboard/core';
import { defaultSettings } from '@switchboard/core';
import type { Prisma, PrismaClient } from '@switchboard/db';

/**
 * Conversations written straight into the database, so routing tests control every fact
 * (status, tags, metadata) without going through conversations.create and its auto-routing.
 */
export interface ConversationSeed {
  topic?: string;
  status?: ConversationStatus;
  priority?: Priority;
  channel?: string;
  metadata?: Record<string, string>;
  tags?: string[];
  queueId?: string | null;
  agentId?: string | null;
}

export async function insertConversation(
  prisma: PrismaClient,
  tenant: { organization: { id: string }; workspace: { id: string } },
  seed: ConversationSeed = {},
): Promise<string> {
  const organizationId = tenant.organization.id;
  const { tags = [], metadata = {}, ...columns } = seed;
  const conversation = await prisma.conversation.create({
    data: {
      organizationId,
      workspaceId: tenant.workspace.id,
      ...columns,
      metadata,
      ...(columns.status === 'CLOSED' ? { closedAt: new Date() } : {}),
    },
  });
  for (const name of tags) {
    const tag = await prisma.tag.upsert({
      where: { organizationId_name: { organizationId, name } },
      create: { organizationId, name },
      update: {},
    });
    await prisma.conversationTag.create({
      data: {
        organizationId,
        conversationId: conversation.id,
        conversationCreatedAt: conversation.createdAt,
        tagId: tag.id,
      },
    });
  }
  return conversation.id;
}

/** Overwrites the organization's routing settings (the settings router is not under test here). */
export async function setRoutingSettings(
  prisma: PrismaClient,
  organizationId: string,
  routing: Partial<OrganizationSettings['routing']>,
): Promise<void> {
  const document = { ...defaultSettings, routing: { ...defaultSettings.routing, ...routing } };
  await prisma.settings.update({
    where: { organizationId },
    data: { document: document as unknown as Prisma.InputJsonValue },
  });
}
