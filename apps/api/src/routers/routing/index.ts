import { router } from '../../trpc/init';
import { getRouting } from './get-routing';
import { setRouting } from './set-routing';
import { simulateConversationRouting } from './simulate-conversation-routing';
import { simulateRoutingProcedure } from './simulate-routing';

export const routingRouter = router({
  get: getRouting,
  set: setRouting,
  simulate: simulateRoutingProcedure,
  simulateConversation: simulateConversationRouting,
});
