import { router } from '../../trpc/init';
import { agentHeartbeat } from './agent-heartbeat';
import { createAgent } from './create-agent';
import { deleteAgent } from './delete-agent';
import { getAgent } from './get-agent';
import { listAgentConversations } from './list-agent-conversations';
import { listAgents } from './list-agents';
import { setAgentStatus } from './set-agent-status';
import { updateAgent } from './update-agent';

export const agentsRouter = router({
  list: listAgents,
  get: getAgent,
  create: createAgent,
  update: updateAgent,
  setStatus: setAgentStatus,
  delete: deleteAgent,
  heartbeat: agentHeartbeat,
  conversations: listAgentConversations,
});
