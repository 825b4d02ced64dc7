import { isDomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { compileEventFilter, type EventFilter, type EventPayload } from '../events/event-filter';

/** What of a subscription selects its events. */
export interface SubscriptionSelection {
  organizationId: string;
  events: string[];
  criteria: string | null;
  groupId: string | null;
}

/**
 * The subscription's filter, the same one the event streams use (types; criteria and group on the
 * conversation after the change; a group's own enter / leave). A subscription whose group has
 * been deleted selects nothing.
 */
export async function subscriptionFilter(
  tx: Prisma.TransactionClient,
  subscription: SubscriptionSelection,
): Promise<EventFilter> {
  try {
    return await compileEventFilter(tx, subscription.organizationId, {
      types: subscription.events,
      criteria: subscription.criteria ?? undefined,
      groupId: subscription.groupId ?? undefined,
    });
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') return async () => [];
    throw error;
  }
}

/** The events of `rows` (their payloads as stored) that the filter selects, in their order. */
export async function selectEvents<Row extends { id: string; payload: unknown }>(
  tx: Prisma.TransactionClient,
  filter: EventFilter,
  rows: readonly Row[],
): Promise<Row[]> {
  const selected = new Set(
    (
      await filter(
        tx,
        rows.map((row) => row.payload as EventPayload),
      )
    ).map((event) => event.id),
  );
  return rows.filter((row) => selected.has(row.id));
}
