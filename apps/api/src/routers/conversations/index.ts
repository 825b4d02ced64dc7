import { router } from '../../trpc/init';
import { historyProcedure } from './conversation-history';
import { conversationLinks } from './conversation-links';
import { createConversationProcedure } from './create-conversation';
import { deleteConversation } from './delete-conversation';
import { findConversations } from './find-conversations';
import { getConversation } from './get-conversation';
import { getMetadata } from './get-metadata';
import { listConversationsProcedure } from './list-conversations';
import { mergeMetadata } from './merge-metadata';
import { patchConversation } from './patch-conversation';
import { replaceMetadata } from './replace-metadata';
import { setStatus } from './set-status';
import { updateConversation } from './update-conversation';

/** Routing and assignment procedures (conversation-routing/) are merged into this namespace by the lead. */
export const conversationsRouter = router({
  create: createConversationProcedure,
  get: getConversation,
  list: listConversationsProcedure,
  update: updateConversation,
  patch: patchConversation,
  setStatus,
  history: historyProcedure,
  getMetadata,
  replaceMetadata,
  mergeMetadata,
  find: findConversations,
  delete: deleteConversation,
  links: conversationLinks,
});
