import { detectInMessage } from '../../src/services/detections/detect-in-message';
import type { TestApi, TestTenant } from './test-api';

/**
 * A conversation of `tenant` with one customer message per text (a minute apart), each detected
 * in its own transaction as the messages endpoint does: the history that entity and tracker
 * changes re-detect over.
 */
export async function conversationWithMessages(api: TestApi, tenant: TestTenant, texts: string[]) {
  const conversation = await api.db.prisma.conversation.create({
    data: { organizationId: tenant.organization.id, workspaceId: tenant.workspace.id },
  });
  const messages = [];
  for (const [index, text] of texts.entries()) {
    messages.push(
      await api.db.prisma.$transaction(async (tx) => {
        const message = await tx.message.create({
          data: {
            organizationId: tenant.organization.id,
            conversationId: conversation.id,
            from: 'customer',
            text,
            content: { text },
            createdAt: new Date(Date.UTC(2024, 0, 1, 0, index)),
          },
        });
        await detectInMessage(tx, {
          organizationId: tenant.organization.id,
          conversationId: conversation.id,
          message,
        });
        return message;
      }),
    );
  }
  return { conversation, messages };
}
