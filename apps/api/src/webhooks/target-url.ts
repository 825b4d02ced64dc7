import { DomainError } from '@switchboard/core';

export const maxUrlLength = 2048;

/**
 * Checks the form of a webhook URL: absolute http(s), a host, no credentials in it (they would
 * be sent to whoever the host is and show up in every list of subscriptions).
 */
export function parseWebhookUrl(text: string, field = 'url'): URL {
  const refuse = (problem: string) => new DomainError('VALIDATION', `${field}: ${problem}`, { field });
  if (text.length > maxUrlLength) throw refuse(`must be at most ${maxUrlLength} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('is not a valid absolute URL; send one such as "https://example.com/hooks/switchboard"');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refuse(`must use http or https, not "${url.protocol.slice(0, -1)}"`);
  }
  if (url.hostname === '') throw refuse('must name a host');
  if (url.username !== '' || url.password !== '') {
    throw refuse('must not contain a user name or password; authenticate deliveries by their signature');
  }
  return url;
}

/** The host name as the resolver wants it: IPv6 literals lose their brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');
