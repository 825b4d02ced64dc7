import type { DialectOperation } from '../dialect';
import { referenceDocs } from './reference-docs';

/**
 * An Infobip row with the document's words for /openapi.json (./reference-docs): its description,
 * its parameters' descriptions and the fields of its body and answer. A row the document does not
 * have is a Switchboard operation under the family's prefix, marked as an extension.
 */
export function documented(operation: DialectOperation): DialectOperation {
  const reference = referenceDocs[`${operation.method} ${operation.path}`];
  if (!reference) return { ...operation, extension: true };
  return { ...operation, documentation: reference };
}
