import { agentIdsOf } from './seed';

/**
 * The group criteria measured, one per kind of query a support team saves. `indexed` is what the
 * schema is designed to serve from an index (the goal applies to those); the saved EXPLAIN says
 * whether the planner actually used one. Wildcards are served by pg_trgm's GIN indexes (migration
 * 20261121140000_trigram_wildcards): `topic LIKE …` directly, a metadata wildcard through a
 * prefilter on the whole document's text (packages/db/src/criteria/metadata-prefilter.ts).
 */
export interface BenchCriteria {
  name: string;
  criteria: string;
  indexed: boolean;
}

export function benchCriteria(organizationId: string): BenchCriteria[] {
  const agent = agentIdsOf(organizationId)[2];
  return [
    { name: 'metadata: one customer', criteria: 'metadata.customerId==42', indexed: true },
    {
      name: 'metadata: two keys',
      criteria: 'conversation.metadata.region==eu-west and conversation.metadata.plan==enterprise',
      indexed: true,
    },
    { name: 'tag: rare', criteria: 'tags==vip', indexed: true },
    { name: 'tags =in= common', criteria: 'tags=in=(billing,refund)', indexed: true },
    { name: 'status + priority', criteria: 'status==OPEN;priority>=HIGH', indexed: true },
    { name: 'status =in= + priority', criteria: 'status=in=(OPEN,WAITING);priority==URGENT', indexed: true },
    {
      name: 'time range: one week',
      criteria: 'createdAt>=2025-05-01T00:00:00Z;createdAt<2025-05-08T00:00:00Z',
      indexed: true,
    },
    { name: 'or: priority, tag', criteria: 'priority==URGENT,tags==vip', indexed: true },
    { name: 'or: metadata, channel', criteria: 'metadata.plan==enterprise,channel==VIBER', indexed: true },
    { name: 'channel =in= + not closed', criteria: 'channel=in=(SMS,VIBER);status!=CLOSED', indexed: true },
    { name: 'agent + open statuses', criteria: `agentId==${agent};status=in=(OPEN,WAITING)`, indexed: true },
    { name: 'negated tag + status', criteria: 'status==WAITING;tags!=support', indexed: true },
    { name: 'wildcard: topic prefix', criteria: 'topic==Refund*', indexed: true },
    { name: 'wildcard: metadata infix', criteria: 'metadata.orderId==*0042*', indexed: true },
  ];
}
