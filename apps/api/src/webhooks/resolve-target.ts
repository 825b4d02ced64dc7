import { isIP } from 'node:net';
import { DomainError } from '@switchboard/core';
import type { WebhookSettings } from './settings';
import { addressRange, isPublicAddress } from './target-address';
import { hostOf } from './target-url';

/** The address a delivery connects to: the one that was checked, never a second lookup. */
export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

/** Why a target is refused; at create/update time it becomes a 400, at delivery a failed attempt. */
export class TargetRefusedError extends DomainError {
  constructor(
    message: string,
    /** A failed lookup may succeed later; a refused address will not change by retrying. */
    readonly retryable = false,
  ) {
    super('VALIDATION', message, { field: 'url' });
  }
}

/**
 * Resolves the URL's host and checks every address it resolves to (a name with one public and
 * one private address is refused: which one a later connection would get is not ours to choose).
 * Unless private targets are allowed, only public unicast addresses pass.
 */
export async function resolveTarget(
  url: URL,
  settings: Pick<WebhookSettings, 'allowPrivateTargets' | 'resolveHost'>,
): Promise<ResolvedTarget> {
  const host = hostOf(url);
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await lookup(host, settings);
  if (!settings.allowPrivateTargets) {
    for (const { address } of addresses) {
      if (!isPublicAddress(address)) {
        throw new TargetRefusedError(
          `url: ${host} resolves to ${address}, a ${addressRange(address)} address; webhooks may only ` +
            'target public addresses (an operator can set WEBHOOK_ALLOW_PRIVATE_TARGETS=true for on-premise receivers)',
        );
      }
    }
  }
  const [first] = addresses;
  if (!first) throw new TargetRefusedError(`url: ${host} has no address`);
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

async function lookup(host: string, settings: Pick<WebhookSettings, 'resolveHost'>) {
  try {
    return await settings.resolveHost(host);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new TargetRefusedError(
      `url: the host ${host} could not be resolved (${typeof code === 'string' ? code : 'lookup failed'}); check its spelling`,
      true,
    );
  }
}
