import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { planConversationCreate } from './create';

const now = new Date('2024-05-01T12:00:00Z');

describe('planConversationCreate', () => {
  test('an empty request gets the defaults: OPEN, NORMAL, NO_CHANNEL, version 1', () => {
    expect(planConversationCreate({}, now)).toEqual({
      topic: null,
      summary: null,
      status: 'OPEN',
      priority: 'NORMAL',
      channel: 'NO_CHANNEL',
      queueId: null,
      agentId: null,
      metadata: {},
      tags: [],
      closedAt: null,
      assignedAt: null,
      version: 1,
    });
  });

  test('given fields are kept; tags are trimmed and de-duplicated', () => {
    const draft = planConversationCreate(
      {
        topic: 'Refund',
        priority: 'HIGH',
        channel: 'WHATSAPP',
        queueId: 'q1',
        metadata: { customerId: '42' },
        tags: [' vip', 'vip ', 'eu'],
      },
      now,
    );
    expect(draft).toMatchObject({
      topic: 'Refund',
      priority: 'HIGH',
      channel: 'WHATSAPP',
      queueId: 'q1',
      metadata: { customerId: '42' },
      tags: ['vip', 'eu'],
    });
  });

  test('created CLOSED (an import) gets closedAt = now', () => {
    expect(planConversationCreate({ status: 'CLOSED' }, now).closedAt).toEqual(now);
  });

  test('created with an agent gets assignedAt = now', () => {
    expect(planConversationCreate({ agentId: 'a1' }, now).assignedAt).toEqual(now);
  });

  test.each([
    ['topic over 255 characters', { topic: 'x'.repeat(256) }, 'topic'],
    ['unknown status', { status: 'PENDING' }, 'status'],
    ['unknown priority', { priority: 'CRITICAL' }, 'priority'],
    ['lowercase channel', { channel: 'sms' }, 'channel'],
    ['empty queue id', { queueId: '' }, 'queueId'],
    ['metadata with a number value', { metadata: { a: 1 } }, 'metadata'],
    ['empty tag', { tags: ['ok', ' '] }, 'tags[1]'],
    ['tags that are not a list', { tags: 'vip' }, 'tags'],
  ])('refuses %s (VALIDATION on %s)', (_title, input, field) => {
    try {
      planConversationCreate(input as never, now);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('VALIDATION');
      expect((error as DomainError).details?.field).toBe(field);
    }
  });
});
