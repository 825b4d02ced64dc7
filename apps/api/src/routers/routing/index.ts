import { router } from '../../trpc/init';
import { deleteRouting } from './delete-routing';
import { getRouting } from './get-routing';
import { setRouting } from './set-routing';
import { simulateConversationRouting } from './simulate-conversation-routing';
import { simulateRoutingProcedure } from './simulate-routing';

export const routingRouter = router({
  get: getRouting,
  set: setRouting,
  delete: deleteRouting,
  simulate: simulateRoutingProcedure,
  simulateConversation: simulateConversationRouting,
});
