import { eventTypes } from '../events';

/**
 * Events about webhooks: created, updated (a rotation too) and deleted come from their audit
 * entries like every other change; disabled is written when a failing subscription is turned off.
 */
export const webhookEventTypes = [
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
] as const;

/** Every type a subscription may name: the event log's types and the webhooks' own. */
export const subscribableEventTypes: readonly string[] = [...eventTypes, ...webhookEventTypes];
