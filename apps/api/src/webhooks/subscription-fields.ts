import { DomainError, validateDescription } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { eventTypes } from '../events/event-types';
import { findGroup } from '../services/groups/find-group';
import { parseCriteriaInput } from '../services/groups/parse-criteria-input';
import { resolveTarget } from './resolve-target';
import type { WebhookSettings } from './settings';
import { parseWebhookUrl } from './target-url';

/** A subscription's fields as a caller sends them; `undefined` leaves a field as it is (update). */
export interface SubscriptionFieldsInput {
  url?: string | undefined;
  events?: string[] | undefined;
  criteria?: string | null | undefined;
  groupId?: string | null | undefined;
  description?: string | null | undefined;
}

const knownTypes: ReadonlySet<string> = new Set(eventTypes);
const maxEventTypes = 100;

/**
 * Checks what a caller sends for a subscription, and refuses with a 4xx naming the field: the URL
 * (form, then where it resolves: see resolve-target.ts), event types (known, at least one),
 * criteria (parsed, positioned error), the group (of the caller's organization, else 404).
 */
export async function checkSubscriptionFields(
  tx: Prisma.TransactionClient,
  organizationId: string,
  input: SubscriptionFieldsInput,
  settings: WebhookSettings,
): Promise<SubscriptionFieldsInput> {
  if (input.url !== undefined) await resolveTarget(parseWebhookUrl(input.url), settings);
  if (input.events !== undefined) checkEventTypes(input.events);
  if (input.criteria !== undefined && input.criteria !== null) parseCriteriaInput(input.criteria, 'criteria');
  if (input.groupId !== undefined && input.groupId !== null)
    await findGroup(tx, organizationId, input.groupId);
  const description =
    input.description === undefined || input.description === null
      ? input.description
      : validateDescription(input.description);
  return { ...input, ...(input.events ? { events: [...new Set(input.events)] } : {}), description };
}

function checkEventTypes(events: string[]): void {
  if (events.length === 0) {
    throw new DomainError(
      'VALIDATION',
      'events: name at least one event type, e.g. ["conversation.created"]',
      {
        field: 'events',
      },
    );
  }
  if (events.length > maxEventTypes) {
    throw new DomainError('VALIDATION', `events: at most ${maxEventTypes} event types`, { field: 'events' });
  }
  events.forEach((type, index) => {
    if (!knownTypes.has(type)) {
      throw new DomainError(
        'VALIDATION',
        `events.${index}: unknown event type "${type}"; known types: ${eventTypes.join(', ')}`,
        { field: `events.${index}`, validValues: eventTypes },
      );
    }
  });
}
