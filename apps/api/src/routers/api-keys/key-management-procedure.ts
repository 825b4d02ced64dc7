import { DomainError } from '@switchboard/core';
import { protectedProcedure } from '../../trpc/init';

/**
 * Keys are managed only with an owner API key itself: not with an access token exchanged for it
 * (a short-lived token must not mint long-lived keys) and not on behalf of a Slack user.
 */
export const keyManagementProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.principal.isOwner) {
    throw new DomainError('FORBIDDEN', 'Only an owner API key may manage API keys.');
  }
  if (ctx.principal.credentialType !== 'API_KEY') {
    throw new DomainError(
      'FORBIDDEN',
      'API keys are managed with the owner API key itself (x-api-key), not an access token.',
    );
  }
  if (ctx.actor.type === 'SLACK_USER') {
    throw new DomainError('FORBIDDEN', 'API keys cannot be managed on behalf of a Slack user.');
  }
  return next();
});
