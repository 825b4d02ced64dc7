import type { ConversationState } from './state';

/** A conversation as the database would hand it to the rules; override what a test is about. */
export const conversation = (overrides: Partial<ConversationState> = {}): ConversationState => ({
  id: 'c1',
  topic: 'Refund',
  summary: null,
  status: 'OPEN',
  priority: 'NORMAL',
  channel: 'NO_CHANNEL',
  queueId: null,
  agentId: null,
  metadata: {},
  tags: [],
  updatedAt: new Date('2024-01-01T00:00:00Z'),
  closedAt: null,
  assignedAt: null,
  version: 1,
  ...overrides,
});

export const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 500);
