import { router } from '../../trpc/init';
import { addQueueAgent } from './add-queue-agent';
import { createQueue } from './create-queue';
import { deleteQueue } from './delete-queue';
import { getQueue } from './get-queue';
import { listQueueAgents } from './list-queue-agents';
import { listQueues } from './list-queues';
import { removeQueueAgent } from './remove-queue-agent';
import { setQueueAgents } from './set-queue-agents';
import { updateQueue } from './update-queue';

/**
 * Queues and their members. Membership follows Infobip (POST `{ agentId }` to add one,
 * DELETE …/agents/{agentId} to remove one) plus PUT `{ agentIds }` to replace the whole list.
 */
export const queuesRouter = router({
  list: listQueues,
  get: getQueue,
  create: createQueue,
  update: updateQueue,
  delete: deleteQueue,
  agents: listQueueAgents,
  addAgent: addQueueAgent,
  removeAgent: removeQueueAgent,
  setAgents: setQueueAgents,
});
