import { type ConversationCreateInput, planConversationCreate } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { runCommittingWrite } from '../committing-write';
import { findQueue } from '../routing/find-routing-objects';
import type { ServiceContext } from '../service-context';
import { takeAgent } from './agent-capacity';
import { autoRouteNewConversation } from './auto-route';
import { conversationAuditEntry, recordConversationAudit } from './conversation-audit';
import { findParentConversation, linkToParent } from './conversation-links';
import { type ConversationView, presentConversation } from './conversation-view';
import { insertConversation } from './insert-conversation';
import { resolvePlacement } from './references';

export interface CreateConversationInput extends ConversationCreateInput {
  /** Absent: the organization's default workspace (or the space's workspace). */
  workspaceId?: string | undefined;
  spaceId?: string | null | undefined;
  /** The conversation this one follows up (Infobip's linked conversations; a Switchboard extension). */
  parentConversationId?: string | undefined;
}

/**
 * Creates a conversation with Infobip's defaults (OPEN, NORMAL, NO_CHANNEL) in one transaction,
 * whose last statement commits it (creates are the hot path: see runCommittingWrite). Used by
 * `conversations.create`; Sharely's "group conversation" (a conversation in a space, named by its
 * topic) creates inside its own transaction with createConversationIn.
 */
export function createConversation(
  ctx: ServiceContext,
  input: CreateConversationInput,
): Promise<ConversationView> {
  return runCommittingWrite(ctx.prisma, (tx, commits) => createConversationIn(tx, ctx, input, { commits }));
}

/**
 * The same, inside a transaction the caller already holds; with `commits`, its last statement
 * commits that transaction and the caller must send nothing after it. The answer is built from the row the
 * insert returned and the tags it linked rather than read back: creates are the hot path of
 * routing, and every statement of the transaction costs CPU in the API process.
 */
export async function createConversationIn(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  input: CreateConversationInput,
  { commits = false }: { commits?: boolean } = {},
): Promise<ConversationView> {
  const { organizationId } = ctx;
  const { workspaceId, spaceId, parentConversationId, ...fields } = input;
  const now = new Date();
  // Core validates every field first, so a bad value is a 400 before any lookup.
  const draft = planConversationCreate(fields, now);
  const placement = await resolvePlacement(tx, organizationId, { workspaceId, spaceId });
  if (draft.queueId) await findQueue(tx, organizationId, draft.queueId);
  if (draft.agentId)
    await takeAgent(tx, organizationId, { status: draft.status, agentId: null }, draft.agentId, now);
  const parentId =
    parentConversationId === undefined
      ? undefined
      : await findParentConversation(tx, organizationId, parentConversationId);

  const row = await insertConversation(tx, { organizationId, ...placement, draft, now });
  if (parentId !== undefined) await linkToParent(tx, organizationId, { parentId, childId: row.id });
  // The link is part of the creation: its audit entry and its conversation.created event name the parent.
  const createEvent = {
    action: 'conversation.create',
    conversationId: row.id,
    after: {
      ...presentConversation(row),
      ...(parentId !== undefined ? { parentConversationId: parentId } : {}),
    },
  };

  const routed = await autoRouteNewConversation(tx, ctx, row, {
    queueGiven: input.queueId != null,
    createEvent: conversationAuditEntry(ctx, createEvent),
    commits,
  });
  if (routed) return presentConversation(routed.conversation);
  await recordConversationAudit(tx, ctx, createEvent, { commits });
  return presentConversation(row);
}
