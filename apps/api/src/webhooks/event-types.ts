import { eventTypes } from '../events';

/** Events webhooks themselves write. */
export const webhookEventTypes = ['webhook.disabled'] as const;

/** Every type a subscription may name: the event log's types and the webhooks' own. */
export const subscribableEventTypes: readonly string[] = [...eventTypes, ...webhookEventTypes];
