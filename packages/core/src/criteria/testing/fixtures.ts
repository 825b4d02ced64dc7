import type { ConversationFacts } from '../../conversation/types';

/**
 * A small fixed set of conversations for table-driven criteria tests: each one differs from
 * the others in a few fields, so a criteria's expected matches read as a short list of ids.
 */
const base: ConversationFacts = {
  id: 'c0',
  topic: null,
  summary: null,
  status: 'OPEN',
  priority: 'NORMAL',
  channel: 'NO_CHANNEL',
  queueId: null,
  agentId: null,
  workspaceId: 'ws1',
  spaceId: null,
  createdAt: new Date('2024-01-01T00:00:00.000Z'),
  updatedAt: new Date('2024-01-01T00:00:00.000Z'),
  closedAt: null,
  metadata: {},
  tags: [],
  trackers: [],
  entities: [],
};

const make = (overrides: Partial<ConversationFacts>): ConversationFacts => ({ ...base, ...overrides });

export const sampleFacts: ConversationFacts[] = [
  make({
    id: 'c1',
    topic: 'Refund request',
    metadata: { agentId: 'johndoe', customerId: '88338833', type: 'External' },
    tags: ['vip', 'billing'],
    channel: 'EMAIL',
    agentId: 'agent-1',
    queueId: 'q-sales',
  }),
  make({
    id: 'c2',
    topic: 'Sales call',
    status: 'WAITING',
    priority: 'HIGH',
    metadata: { agentId: 'johndoe', customerId: '11112222', type: 'Internal' },
    tags: ['sales call'],
    trackers: ['pricing'],
    createdAt: new Date('2024-03-15T12:30:00.000Z'),
    updatedAt: new Date('2024-03-16T08:00:00.000Z'),
  }),
  make({
    id: 'c3',
    topic: 'Vendor: Acme*Corp',
    summary: '50% off? maybe_later',
    status: 'CLOSED',
    priority: 'URGENT',
    metadata: { agentId: 'janedoe', company: 'Acme', 'team.name': 'support' },
    tags: ['vip-gold'],
    entities: ['Acme'],
    createdAt: new Date('2024-06-30T23:59:59.999Z'),
    closedAt: new Date('2024-07-01T10:00:00.000Z'),
    workspaceId: 'ws2',
    spaceId: 'space-1',
  }),
  make({ id: 'c4', priority: 'LOW', status: 'SOLVED', channel: 'WHATSAPP', metadata: { constructor: 'x' } }),
  make({
    id: 'c5',
    topic: '',
    summary: 'line one\nline two',
    channel: 'SMS',
    metadata: { customerId: '', agentId: 'and' },
    tags: ['billing', 'a,b'],
    trackers: ['pricing', 'churn risk'],
    createdAt: new Date('2023-12-31T22:00:00.000Z'),
  }),
];
