import { z } from 'zod';
import type { RouteView } from '../../routers/routing/routing.types';
import { paginationSchema } from '../../routers/shared/page-input';
import type { DialectOperation } from '../dialect';
import {
  infobipRuleResponseSchema,
  infobipRulesSchema,
  presentInfobipRule,
  rulesFromBody,
} from './routing-shapes';
import { statusCodeResponseSchema, success } from './status-code';

const routingTags = ['Routing (Infobip)'];
type Routes = { routes: RouteView[] };

/**
 * Infobip's routing (GET/PUT/DELETE /ccaas/1/routing, simulate-routing) over the project's
 * routing procedures. PUT takes Infobip's ordered array of rules; the Switchboard form
 * `{ "routes": [...] }` (RSQL `criteria`, answered with the stored rules) keeps working on the
 * same path. Simulating a described conversation (POST …/routing/simulate) is a Switchboard path.
 */
export const routingOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/routing',
    summary: 'Get routing',
    tags: routingTags,
    procedure: 'routing.get',
    present: ({ routes }: Routes) => ({
      routes: routes.map(presentInfobipRule),
      // One page with every rule, in order (the document: "a maximum of 999 items ordered by order").
      pagination: { totalItems: routes.length, page: 0, limit: 999, orderBy: 'order:ASC' },
    }),
    response: z.object({
      routes: z.array(infobipRuleResponseSchema),
      pagination: paginationSchema,
    }),
  },
  {
    method: 'PUT',
    path: '/ccaas/1/routing',
    summary: 'Create routing',
    tags: routingTags,
    procedure: 'routing.set',
    input: ({ body }) => (Array.isArray(body) ? { routes: rulesFromBody(body) } : body),
    present: (output: Routes, request) =>
      Array.isArray(request.body) ? success('Routing added successfully.') : output,
    body: infobipRulesSchema,
    response: statusCodeResponseSchema,
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/routing',
    summary: 'Delete routing',
    tags: routingTags,
    procedure: 'routing.delete',
    input: () => ({}),
    present: () => success('Routing deleted successfully.'),
    response: statusCodeResponseSchema,
  },
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/simulate-routing',
    summary: 'Simulate routing result for conversation',
    tags: routingTags,
    procedure: 'routing.simulateConversation',
  },
  {
    method: 'POST',
    path: '/ccaas/1/routing/simulate',
    summary: 'Explain where a conversation (existing or hypothetical) would be routed',
    tags: routingTags,
    procedure: 'routing.simulate',
  },
];
