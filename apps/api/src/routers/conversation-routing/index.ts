import { router } from '../../trpc/init';
import { assignConversationProcedure } from './assign-conversation';
import { routeConversationProcedure } from './route-conversation';
import { unassignConversationProcedure } from './unassign-conversation';

/**
 * Procedures on one conversation's routing. They belong to the `conversations` namespace
 * (`conversations.route`, `.assign`, `.unassign`); the REST paths do not depend on the key.
 */
export const conversationRoutingRouter = router({
  route: routeConversationProcedure,
  assign: assignConversationProcedure,
  unassign: unassignConversationProcedure,
});
