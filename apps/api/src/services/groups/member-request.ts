import { type CriteriaAst, DomainError } from '@switchboard/core';
import type { PrismaClient } from '@switchboard/db';
import { loadSettings, pageSize } from '../settings/load-settings';
import { findGroup } from './find-group';
import type { MemberPage } from './group-members';
import { type MemberWindow, memberCriteria } from './member-criteria';
import { decodeMemberCursor } from './member-cursor';

export interface MemberRequest extends MemberWindow {
  groupId: string;
  limit?: number | undefined;
  offset: number;
  cursor?: string | undefined;
  order: 'asc' | 'desc';
}

/**
 * What a member listing asks the database for: the group's criteria with the window ANDed, and
 * the page (limit capped by the organization's settings, offset or cursor). A group of another
 * organization is 404; offset and cursor together are refused.
 */
export async function resolveMemberRequest(
  prisma: PrismaClient,
  organizationId: string,
  input: MemberRequest,
): Promise<{ groupId: string; criteria: CriteriaAst; page: MemberPage }> {
  if (input.cursor !== undefined && input.offset > 0) {
    throw new DomainError('VALIDATION', 'Send either offset or cursor, not both.', { field: 'cursor' });
  }
  // Two independent reads: side by side on PostgreSQL's pool (PGlite takes them in turn).
  const [group, settings] = await Promise.all([
    findGroup(prisma, organizationId, input.groupId),
    loadSettings(prisma, organizationId),
  ]);
  const criteria = memberCriteria(group.criteria, input);
  const limit = pageSize(settings, input.limit);
  return {
    groupId: group.id,
    criteria,
    page: {
      limit,
      offset: input.offset,
      order: input.order,
      cursor: input.cursor === undefined ? undefined : decodeMemberCursor(input.cursor),
    },
  };
}
