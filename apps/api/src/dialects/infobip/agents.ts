import { z } from 'zod';
import { agentTags } from '../../routers/agents/agent.types';
import type { DialectOperation } from '../dialect';
import { bodyObject } from './request';
import { answersStatus, statusCodeResponseSchema } from './status-code';

/**
 * Infobip's agents over the project's agent and queue procedures. Deleting an agent is a
 * Switchboard path under the family's prefix.
 */
export const agentOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/agents',
    summary: 'Get agents',
    tags: agentTags,
    procedure: 'agents.list',
  },
  {
    method: 'POST',
    path: '/ccaas/1/agents',
    summary: 'Create agent',
    tags: agentTags,
    procedure: 'agents.create',
  },
  {
    method: 'GET',
    path: '/ccaas/1/agents/{agentId}',
    summary: 'Get agent',
    tags: agentTags,
    procedure: 'agents.get',
  },
  {
    method: 'PUT',
    path: '/ccaas/1/agents/{agentId}',
    summary: 'Update agent',
    tags: agentTags,
    procedure: 'agents.update',
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/agents/{agentId}',
    summary: 'Delete an agent',
    tags: agentTags,
    procedure: 'agents.delete',
  },
  {
    method: 'PUT',
    path: '/ccaas/1/agents/{agentId}/status',
    summary: 'Change agents status',
    tags: agentTags,
    procedure: 'agents.setStatus',
  },
  {
    method: 'GET',
    path: '/ccaas/1/agents/{agentId}/conversations',
    summary: 'Get agent conversations',
    tags: agentTags,
    procedure: 'agents.conversations',
  },
  {
    method: 'POST',
    path: '/ccaas/1/agents/{agentId}/queues',
    summary: 'Add agent to queue',
    tags: agentTags,
    procedure: 'queues.addAgent',
    input: (request) => ({ queueId: bodyObject(request).queueId, agentId: request.params.agentId }),
    present: answersStatus('Agent added to queue successfully.'),
    body: z.object({ queueId: z.string() }),
    response: statusCodeResponseSchema,
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/agents/{agentId}/queues/{queueId}',
    summary: 'Remove agent from queue',
    tags: agentTags,
    procedure: 'queues.removeAgent',
    present: answersStatus('Agent removed from queue successfully.'),
    response: statusCodeResponseSchema,
  },
  {
    method: 'PUT',
    path: '/ccaas/1/agents/{agentId}/heartbeat',
    summary: 'Set agents heartbeat',
    tags: agentTags,
    procedure: 'agents.heartbeat',
    present: answersStatus('Heartbeat received.'),
    response: statusCodeResponseSchema,
  },
];
