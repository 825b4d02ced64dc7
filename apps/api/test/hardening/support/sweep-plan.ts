import { type ExampleOptions, exampleOf, type Filler, propertyNames } from './json-schema';
import {
  documentResolver,
  fillPath,
  type OpenApiDocument,
  type ProcedureSpec,
  queryString,
  type RestOperationSpec,
} from './operations';
import { type ConversationChoice, idReferenceNames, referenceNames, tenantFiller } from './tenant-filler';
import type { SeededTenant } from './tenant-seed';

/**
 * One call of the tenancy sweep: organization B's credentials, and in the input either all of
 * A's objects, or B's own objects with exactly one reference swapped for A's (B's queue + A's
 * agent), so each reference is checked on its own and not hidden behind the first 404.
 */
export interface SweepCall {
  label: string;
  transport: 'trpc' | 'rest';
  procedurePath: string;
  query: boolean;
  /** A tRPC subscription (events.stream): read like a query, called over SSE. */
  subscription: boolean;
  admin: boolean;
  /** Input names that carried one of A's objects. */
  aReferences: string[];
  /** A's object is the target (REST path, or the procedure's path field): only 404 will do. */
  targetsA: boolean;
  /** tRPC: the input; REST: method, URL and body text. */
  input?: unknown;
  method?: string;
  url?: string;
  body?: string | undefined;
}

// Valid values for fields the schema cannot make valid on its own, when no tenant fills them.
const neutral: Record<string, unknown> = {
  criteria: 'status==OPEN',
  // A webhook's target (a public address literal: no DNS) and event types.
  url: 'https://93.184.216.34/hooks',
  events: ['conversation.created'],
  // Slack's ids, valid in form, where a call is not about them.
  channelId: 'C0NEUTRAL',
  messageTs: '1700000000.000200',
};
const primaryIdField: Record<string, string> = {
  groups: 'groupId',
  entities: 'entityId',
  trackers: 'trackerId',
};

interface Variant {
  name: string;
  fill: Filler;
  aReferences: string[];
}

/**
 * - `all-A` / `all-A-closed`: every id reference is A's (with A's OPEN or CLOSED conversation);
 * - `B+A.<id>`: B's own objects with just that id swapped for A's, when there are several;
 * - `A.<name>`: one selecting name, criteria or cursor of A's, with only the required ids (B's).
 */
function variantsFor(
  fieldNames: string[],
  requiredFields: string[],
  procedurePath: string,
  query: boolean,
  a: SeededTenant,
  b: SeededTenant,
): Variant[] {
  const ids = idReferenceNames.filter((name) => fieldNames.includes(name) && name !== 'id');
  const names = referenceNames.filter((name) => fieldNames.includes(name) && !ids.includes(name));
  const ofB = tenantFiller(b, procedurePath, { query });
  const variant = (
    name: string,
    choice: ConversationChoice,
    fromA: (field: string) => boolean,
    idsOfB: (field: string) => boolean,
  ): Variant => {
    const aReferences: string[] = [];
    const ofA = tenantFiller(a, procedurePath, { conversation: choice, query });
    const fill: Filler = (field, path) => {
      // A Symbl body `id` repeats the path id: it comes from whoever supplies that.
      const source = field === 'id' ? (primaryIdField[procedurePath.split('.')[0] ?? ''] ?? field) : field;
      if (fromA(source)) {
        const value = ofA(field, path);
        if (value !== undefined && !aReferences.includes(field)) aReferences.push(field);
        return value;
      }
      if (idsOfB(source)) return ofB(field, path);
      return neutral[field];
    };
    return { name, fill, aReferences };
  };
  const isId = (field: string) => ids.includes(field);
  const variants = [variant('all-A', 'conversationId', isId, () => false)];
  if (ids.includes('conversationId'))
    variants.push(variant('all-A-closed', 'closedConversationId', isId, () => false));
  if (ids.length > 1) {
    for (const id of ids) variants.push(variant(`B+A.${id}`, 'conversationId', (f) => f === id, isId));
  }
  const requiredId = (field: string) => isId(field) && requiredFields.includes(field);
  for (const name of names)
    variants.push(variant(`A.${name}`, 'conversationId', (f) => f === name, requiredId));
  return variants;
}

export function trpcSweepCalls(procedures: ProcedureSpec[], a: SeededTenant, b: SeededTenant): SweepCall[] {
  return procedures.flatMap((procedure) => {
    // A subscription only reads: the sweep judges it as a query.
    const query = procedure.type !== 'mutation';
    const fields = propertyNames(procedure.input);
    const required = [...procedure.pathFields, ...(procedure.input?.required ?? [])];
    return variantsFor(fields, required, procedure.path, query, a, b).map((variant) => {
      const input = procedure.input ? exampleOf(procedure.input, { fill: variant.fill }) : undefined;
      return {
        label: `trpc ${procedure.path} [${variant.name}]`,
        transport: 'trpc' as const,
        procedurePath: procedure.path,
        query,
        subscription: procedure.type === 'subscription',
        admin: procedure.path.startsWith('admin.'),
        aReferences: variant.aReferences,
        targetsA: targetsOf(required, variant),
        input,
      };
    });
  });
}

export function restSweepCalls(
  document: OpenApiDocument,
  operations: RestOperationSpec[],
  procedures: ProcedureSpec[],
  a: SeededTenant,
  b: SeededTenant,
): SweepCall[] {
  const resolve = documentResolver(document);
  return operations.flatMap((operation) => {
    const procedurePath = operation.procedurePath ?? `${operation.method} ${operation.path}`;
    const procedure = procedures.find((p) => p.path === operation.procedurePath);
    const query = procedure ? procedure.type === 'query' : operation.method === 'GET';
    const fields = [
      ...operation.parameters.map((parameter) => parameter.name),
      ...propertyNames(operation.body, { resolve }),
    ];
    const required = [
      ...operation.parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      ...(operation.body?.required ?? []),
    ];
    return variantsFor(fields, required, procedurePath, query, a, b).map((variant) => {
      const options: ExampleOptions = { fill: variant.fill, resolve };
      const pathValues: Record<string, unknown> = {};
      const queryValues: Record<string, unknown> = {};
      for (const parameter of operation.parameters) {
        const filled = variant.fill(parameter.name, [parameter.name]);
        const value = filled ?? (parameter.required ? exampleOf(parameter.schema, options) : undefined);
        if (parameter.in === 'path') pathValues[parameter.name] = value;
        if (parameter.in === 'query') queryValues[parameter.name] = value;
      }
      const url = fillPath(operation.path, pathValues) + queryString(queryValues);
      const body = operation.body ? JSON.stringify(exampleOf(operation.body, options)) : undefined;
      return {
        label: `rest ${operation.method} ${operation.path} [${variant.name}]`,
        transport: 'rest' as const,
        procedurePath,
        query,
        subscription: false,
        admin: operation.path.startsWith('/admin'),
        aReferences: variant.aReferences,
        targetsA: targetsOf(required, variant),
        method: operation.method,
        url,
        body,
      };
    });
  });
}

// References that name the object acted on (not a filter, criteria or name): when they are A's,
// nothing but 404 will do.
const targetNames = new Set([
  'conversationId',
  'groupId',
  'queueId',
  'agentId',
  'workspaceId',
  'spaceId',
  'entityId',
  'trackerId',
  'apiKeyId',
  'webhookId',
  'eventId',
  'workingHoursId',
  'id',
]);

function targetsOf(requiredFields: string[], variant: Variant): boolean {
  return requiredFields.some((field) => targetNames.has(field) && variant.aReferences.includes(field));
}

/** Queries first, then changes, deletions last: a hole found early cannot hide later ones. */
export function sweepOrder(call: SweepCall): number {
  if (call.query) return 0;
  const deleting = call.method === 'DELETE' || /\.(delete|remove|revoke|unassign)/i.test(call.procedurePath);
  return deleting ? 2 : 1;
}
