import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers of one attempt. `webhook-id` is the event's id, so a receiver
 * deduplicates retries and replays by it; the signature list carries one `v1,` signature per
 * live secret (space-separated), so a receiver holding either secret verifies during a rotation.
 */
export function signedHeaders(
  eventId: string,
  body: string,
  secrets: string[],
  now: Date,
): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, now, body));
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
