import { queueTags } from '../../routers/queues/queue.types';
import type { DialectOperation } from '../dialect';
import { answersStatus, statusCodeResponseSchema } from './status-code';

/**
 * Infobip's queues over the project's queue procedures, whose inputs and answers are Infobip's
 * shapes already (deleting a queue answers Infobip's status). Reading one queue and its members (list, add, remove, replace) are Switchboard
 * paths under the family's prefix; Infobip's own membership paths are the agent's (./agents).
 */
export const queueOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/queues',
    summary: 'Get queues',
    tags: queueTags,
    procedure: 'queues.list',
  },
  {
    method: 'POST',
    path: '/ccaas/1/queues',
    summary: 'Create queue',
    tags: queueTags,
    procedure: 'queues.create',
  },
  {
    method: 'PUT',
    path: '/ccaas/1/queues/{queueId}',
    summary: 'Update queue',
    tags: queueTags,
    procedure: 'queues.update',
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/queues/{queueId}',
    summary: 'Delete queue',
    tags: queueTags,
    procedure: 'queues.delete',
    present: answersStatus('Queue deleted successfully.'),
    response: statusCodeResponseSchema,
  },
  {
    method: 'GET',
    path: '/ccaas/1/queues/{queueId}',
    summary: 'Get a queue',
    tags: queueTags,
    procedure: 'queues.get',
  },
  {
    method: 'GET',
    path: '/ccaas/1/queues/{queueId}/agents',
    summary: "List a queue's agents",
    tags: queueTags,
    procedure: 'queues.agents',
  },
  {
    method: 'POST',
    path: '/ccaas/1/queues/{queueId}/agents',
    summary: 'Add an agent to a queue',
    tags: queueTags,
    procedure: 'queues.addAgent',
  },
  {
    method: 'PUT',
    path: '/ccaas/1/queues/{queueId}/agents',
    summary: 'Replace the queue members',
    tags: queueTags,
    procedure: 'queues.setAgents',
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/queues/{queueId}/agents/{agentId}',
    summary: 'Remove an agent from a queue',
    tags: queueTags,
    procedure: 'queues.removeAgent',
  },
];
