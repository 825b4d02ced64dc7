import { type ConversationPatch, type ConversationStatus, conversationDefaults } from '@switchboard/core';
import type { ServiceContext } from '../service-context';
import { applyConversationChange } from './apply-change';
import type { ConversationView } from './conversation-view';

/** The properties PUT and PATCH change; tags and metadata have their own endpoints. */
export type ConversationProperties = Pick<
  ConversationPatch,
  'topic' | 'summary' | 'status' | 'priority' | 'channel' | 'queueId' | 'agentId'
>;

export interface ConversationUpdate {
  conversationId: string;
  fields: ConversationProperties;
  /** `version` from the body and `If-Match`; each, when present, must equal the current version. */
  version?: number | undefined;
  expectedVersion?: number | undefined;
}

/** What PUT writes for a property the body leaves out: Infobip's defaults, or nothing. */
const replacementDefaults: Required<ConversationProperties> = {
  topic: null,
  summary: null,
  status: conversationDefaults.status,
  priority: conversationDefaults.priority,
  channel: conversationDefaults.channel,
  queueId: null,
  agentId: null,
};

/** PUT: the body is the whole new set of properties; absent ones go back to their defaults. */
export function replaceConversation(
  ctx: ServiceContext,
  update: ConversationUpdate,
): Promise<ConversationView> {
  return change(ctx, update, 'conversation.update', { ...replacementDefaults, ...present(update.fields) });
}

/** PATCH: only the properties in the body change. */
export function patchConversation(
  ctx: ServiceContext,
  update: ConversationUpdate,
): Promise<ConversationView> {
  return change(ctx, update, 'conversation.patch', present(update.fields));
}

/** Status only (Slack's `/conv close`, `/conv status`): the same rules as PATCH { status }. */
export function setConversationStatus(
  ctx: ServiceContext,
  input: { conversationId: string; status: ConversationStatus; version?: number | undefined },
): Promise<ConversationView> {
  return change(ctx, { ...input, fields: { status: input.status } }, 'conversation.status', {
    status: input.status,
  });
}

function change(
  ctx: ServiceContext,
  update: ConversationUpdate,
  action: string,
  patch: ConversationPatch,
): Promise<ConversationView> {
  return ctx.prisma.$transaction((tx) =>
    applyConversationChange(tx, ctx, {
      conversationId: update.conversationId,
      action,
      patch,
      expectedVersions: [update.version, update.expectedVersion],
    }),
  );
}

// An explicit `undefined` means "not sent", exactly like a missing key.
const present = (fields: ConversationProperties): ConversationProperties =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
