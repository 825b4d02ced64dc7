import { DomainError } from '@switchboard/core';
import type { Visitor } from '../../auth/principal';

/**
 * A visitor's token opens its own space only: any other space id is, to it, a space that does not
 * exist (as another tenant's is). Organization credentials pass: their queries are scoped to the
 * organization already.
 */
export function assertVisitorSpace(visitor: Visitor | undefined, spaceId: string): void {
  if (visitor && visitor.spaceId !== spaceId) {
    throw new DomainError('NOT_FOUND', 'Space not found', { field: 'spaceId' });
  }
}
