import { DomainError } from '@switchboard/core';
import type { PrismaClient, WebhookSubscriptionModel as WebhookSubscription } from '@switchboard/db';
import { selectEvents, subscriptionFilter } from './subscription-filter';

/** A time range replays at most this many events; narrow the range for more. */
export const maxReplayEvents = 10_000;

/**
 * Makes deliveries PENDING again (or creates them) for one event of the subscription's
 * organization, or for the events of a time range that the subscription's filter selects. The
 * delivery keeps its event id, so the receiver sees the same webhook-id; attempts start over.
 */
export async function replayEvents(
  prisma: PrismaClient,
  subscription: WebhookSubscription,
  range: { eventId?: string | undefined; since?: Date | undefined; until?: Date | undefined },
): Promise<number> {
  const { organizationId } = subscription;
  return prisma.$transaction(async (tx) => {
    const select = { id: true, sequence: true, type: true, payload: true } as const;
    let events: { id: string; sequence: bigint; type: string; payload: unknown }[];
    if (range.eventId !== undefined) {
      const event = await tx.event.findFirst({ where: { id: range.eventId, organizationId }, select });
      if (!event)
        throw new DomainError('NOT_FOUND', 'Event not found (or no longer retained)', { field: 'eventId' });
      events = [event];
    } else {
      const found = await tx.event.findMany({
        where: {
          organizationId,
          createdAt: { gte: range.since, ...(range.until ? { lt: range.until } : {}) },
        },
        orderBy: { sequence: 'asc' },
        take: maxReplayEvents + 1,
        select,
      });
      if (found.length > maxReplayEvents) {
        throw new DomainError(
          'VALIDATION',
          `since: the range holds more than ${maxReplayEvents} events; replay it in smaller ranges (until)`,
          { field: 'since' },
        );
      }
      events = await selectEvents(tx, await subscriptionFilter(tx, subscription), found);
    }
    const eventIds = events.map((event) => event.id);
    await tx.webhookDelivery.updateMany({
      where: { subscriptionId: subscription.id, eventId: { in: eventIds } },
      data: {
        status: 'PENDING',
        attempts: 0,
        // A result of an attempt before the replay, written after it, is dropped (record-attempt.ts).
        replays: { increment: 1 },
        nextAttemptAt: new Date(),
        firstAttemptAt: null,
        deliveredAt: null,
        lastError: null,
      },
    });
    await tx.webhookDelivery.createMany({
      data: events.map((event) => ({
        organizationId,
        subscriptionId: subscription.id,
        eventId: event.id,
        eventSequence: event.sequence,
        eventType: event.type,
      })),
      skipDuplicates: true,
    });
    return events.length;
  });
}
