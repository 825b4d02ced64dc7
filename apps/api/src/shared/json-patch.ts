import { DomainError } from '@switchboard/core';
import jsonpatch, { type Operation } from 'fast-json-patch';
import { z } from 'zod';

/** One RFC 6902 operation as clients send it. */
export const patchOperationSchema = z.object({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
  path: z.string().max(512),
  from: z.string().max(512).optional(),
  value: z.unknown().optional(),
});
export type PatchOperation = z.infer<typeof patchOperationSchema>;

type PatchError = InstanceType<typeof jsonpatch.JsonPatchError>;

/**
 * Applies an RFC 6902 JSON Patch (fast-json-patch) to a copy of a document. A malformed or
 * inapplicable operation is 400 naming `<field>.<i>[.path|.from|.value]`; a failing `test` is 409
 * (the document is not in the state the client expected, like a version mismatch). The input
 * document is never modified; the caller validates the result whole. Operations are applied one
 * at a time because the library reports index 0 for any failing operation of a sequence.
 */
export function applyJsonPatch(document: unknown, patch: PatchOperation[], field = 'patch'): unknown {
  let patched: unknown = structuredClone(document);
  patch.forEach((operation, index) => {
    try {
      patched = jsonpatch.applyOperation(
        patched,
        operation as Operation,
        true,
        true,
        true,
        index,
      ).newDocument;
    } catch (error) {
      if (error instanceof jsonpatch.JsonPatchError) throw refusal(error, `${field}.${index}`, operation);
      // The library refuses `__proto__` / `constructor/prototype` paths with a TypeError.
      if (error instanceof TypeError && error.message.startsWith('JSON-Patch')) {
        const at = `${field}.${index}.path`;
        throw new DomainError('VALIDATION', `${at}: this path is not allowed; nothing was changed.`, {
          field: at,
        });
      }
      // Anything else the library trips over (a move into the value's own child, an operation on
      // a document an earlier `remove ""` emptied…) is an operation that cannot be applied.
      const at = `${field}.${index}`;
      throw new DomainError('VALIDATION', `${at}: this operation cannot be applied; nothing was changed.`, {
        field: at,
      });
    }
  });
  return patched;
}

function refusal(error: PatchError, at: string, operation: PatchOperation): DomainError {
  const { path } = operation;
  if (error.name === 'TEST_OPERATION_FAILED') {
    const field = at;
    return new DomainError(
      'CONFLICT',
      `${field}: test failed — the value at "${path}" is not the one given; nothing was changed.`,
      { field, path },
    );
  }
  const field = `${at}${memberAtFault(error.name)}`;
  // The library's message continues with a dump of the document; its first line is the reason.
  const reason = error.message.split('\n')[0] ?? 'invalid operation';
  return new DomainError('VALIDATION', `${field}: ${reason} (${error.name}); nothing was changed.`, {
    field,
    path,
    reason: error.name,
  });
}

/** The member of the operation a library error is about, so the refusal names it. */
const memberAtFault = (name: string): string =>
  name.startsWith('OPERATION_VALUE')
    ? '.value'
    : name.startsWith('OPERATION_FROM')
      ? '.from'
      : name.startsWith('OPERATION_PATH')
        ? '.path'
        : '';
