import { DomainError } from '@switchboard/core';
import { initTRPC } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { observeAuditedChanges } from '../audit/audited-changes';
import { invalidOrMissing } from '../auth/authenticate';
import { credentialCacheFor } from '../auth/credential-cache';
import { organizationsWithCredentialChanges } from '../auth/credential-changes';
import { type Actor, actorOf, type Principal, type Visitor } from '../auth/principal';
import { describeError, toTrpcError } from '../errors/http-errors';
import { assertSafeInput } from '../http/input-safety';
import { drainQueuesFreedBy } from '../services/drain/drain-queues';
import type { Context } from './context';

/**
 * `openapi` places a procedure on a REST path (seed-compatible). `rest.bodyAs` hands the whole
 * request body to one input field, for seed endpoints whose body is a bare array;
 * `rest.status` is the success status when it is not 200.
 */
export type ProcedureMeta = OpenApiMeta & { rest?: { bodyAs?: string; status?: number } };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Never put stack traces in responses.
    isDev: false,
    // Subscriptions (events.stream) over SSE: a ping comment keeps a quiet stream open through
    // proxies, and a client that hears nothing (not even pings) for a while reconnects.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
    errorFormatter({ shape, error }) {
      const described = describeError(error);
      return {
        ...shape,
        message: described.message,
        data: {
          code: shape.data.code,
          httpStatus: described.status,
          path: shape.data.path,
          error: described.error,
          domainCode: described.code,
          details: described.details,
        },
      };
    },
  });

type ProcedureType = 'query' | 'mutation' | 'subscription';

/**
 * What every procedure runs around its own work, in one middleware per kind of caller (below):
 * tRPC copies a call's options twice for each middleware it passes, so four small ones cost a
 * GET of one conversation (scenario 2) more than the checks themselves. In order:
 * 1. Errors: domain errors (and validation, Prisma conflicts…) become tRPC errors with the right
 *    code; unexpected ones are logged with the request id.
 * 2. Mutations (afterMutation): what their committed changes imply beyond their own transaction.
 * 3. `admit`: who may call, and what the procedure's context gains (principal, actor…).
 * 4. Input safety: text PostgreSQL cannot store (NUL, unpaired surrogates) and hostile nesting are
 *    refused with 400 naming the field, for every transport, instead of failing inside a write.
 *    Read after `admit`: a caller without a credential hears 401, not what is wrong with its body.
 */
async function aroundProcedure<Result extends { ok: boolean }>(
  call: { ctx: Context; type: ProcedureType; path: string; getRawInput: () => Promise<unknown> },
  admitted: (checkInput: () => Promise<void>) => Promise<Result>,
): Promise<Result> {
  const { ctx, type, path } = call;
  const checkInput = async () => assertSafeInput(await call.getRawInput());
  let failure: unknown;
  try {
    const result =
      type === 'mutation' ? await afterMutation(ctx, () => admitted(checkInput)) : await admitted(checkInput);
    if (result.ok) return result;
    failure = (result as { error?: unknown }).error;
  } catch (error) {
    failure = error;
  }
  const described = describeError(failure);
  if (described.internal)
    ctx.logger.error({ err: failure, path, requestId: ctx.requestId }, 'procedure failed');
  throw toTrpcError(failure);
}

/**
 * What a mutation's committed changes imply beyond its own transaction, done once it committed
 * and before the answer is sent (every mutation records its changes through recordChanges, which
 * notes them for observeAuditedChanges, so no procedure has to remember either):
 * - Credentials: the credential cache (auth/credential-cache) forgets the organizations whose
 *   keys, tokens, roles, spaces or workspaces changed, so revocation takes effect at once in this
 *   process; an operator's mutation forgets everything. A caller without a valid credential
 *   cannot mutate anything, so its attempts leave the cache alone.
 * - Queue drain (README, "Queue drain"): changes that may have freed an agent's capacity (a
 *   conversation closed, solved, unassigned or moved; an agent made available or given more room;
 *   members added) are followed by assigning the waiting conversations of the queues concerned,
 *   each assignment its own audited change by Switchboard.
 */
async function afterMutation<Result extends { ok: boolean }>(
  ctx: Context,
  mutation: () => Promise<Result>,
): Promise<Result> {
  const { result, changes } = await observeAuditedChanges(mutation);
  const cache = credentialCacheFor(ctx.db.prisma);
  if (ctx.auth.kind === 'admin') await ctx.afterCommit(async () => cache.forgetAll());
  for (const organizationId of organizationsWithCredentialChanges(changes)) {
    await ctx.afterCommit(async () => cache.forgetOrganization(organizationId));
  }
  // Drains open their own transactions, which must see this mutation's committed changes (and
  // on the embedded database could not start while the request's own transaction is open).
  if (result.ok) await ctx.afterCommit(() => drainQueuesFreedBy(ctx.db.prisma, changes, ctx.logger));
  return result;
}

// Sharely documents this exact body for a missing or unknown credential; how to authenticate is
// described in /docs and the OpenAPI document.
const missingCredentials = new DomainError('UNAUTHORIZED', invalidOrMissing);

function principalOf(ctx: Context): { principal: Principal; actor: Actor; organizationId: string } {
  const { auth } = ctx;
  if (auth.kind === 'rejected') throw auth.error;
  if (auth.kind === 'admin') {
    throw new DomainError(
      'UNAUTHORIZED',
      "The operator key (ADMIN_API_KEY) only authorises admin operations; use an organization's API key.",
    );
  }
  if (auth.kind !== 'principal') throw missingCredentials;
  const principal: Principal = auth.principal;
  let actor: Actor = actorOf(principal);
  if (ctx.actingSlackUserId) {
    if (!principal.canActForUsers) {
      throw new DomainError('FORBIDDEN', 'This API key may not act for Slack users (x-acting-slack-user).');
    }
    actor = { type: 'SLACK_USER', id: ctx.actingSlackUserId };
  }
  return { principal, actor, organizationId: principal.organizationId };
}

/**
 * Sharely's widget calls: an organization's credential (any of its spaces), or a visitor's token,
 * which opens its own space only (`visitor` set: procedures confine themselves to
 * `visitor.spaceId`). A visitor's token is refused by every other procedure (principalOf).
 */
function spaceCallerOf(ctx: Context) {
  if (ctx.auth.kind !== 'visitor') return { ...principalOf(ctx), visitor: undefined as Visitor | undefined };
  const { visitor } = ctx.auth;
  const actor: Actor = { type: 'VISITOR', id: visitor.id };
  return {
    principal: undefined,
    actor,
    organizationId: visitor.organizationId,
    visitor: visitor as Visitor | undefined,
  };
}

function operatorOf(ctx: Context): { actor: Actor } {
  if (ctx.auth.kind === 'admin') return { actor: { type: 'ADMIN', id: 'operator' } };
  if (ctx.auth.kind === 'rejected') throw ctx.auth.error;
  throw new DomainError('UNAUTHORIZED', 'This operation needs the operator key (ADMIN_API_KEY).');
}

/** The middleware of procedures whose callers `admit` lets in, their context extended with what it returns. */
function callersAdmittedBy<Admitted extends object>(admit: (ctx: Context) => Admitted) {
  return t.middleware((call) =>
    aroundProcedure(call, async (checkInput) => {
      const admitted = admit(call.ctx);
      await checkInput();
      return call.next({ ctx: admitted });
    }),
  );
}

const anonymousCall = t.middleware((call) =>
  aroundProcedure(call, async (checkInput) => {
    await checkInput();
    return call.next();
  }),
);

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;
export const protectedProcedure = t.procedure.use(callersAdmittedBy(principalOf));
/** Callable without a credential (Symbl's token exchange, Sharely's public reads); input checked as everywhere. */
export const anonymousProcedure = t.procedure.use(anonymousCall);
/** Sharely's widget calls: an organization's credential or a visitor's token (its one space). */
export const spaceProcedure = t.procedure.use(callersAdmittedBy(spaceCallerOf));
export const adminProcedure = t.procedure.use(callersAdmittedBy(operatorOf));
