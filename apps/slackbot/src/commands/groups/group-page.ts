import { groupCard } from '../../blocks/group-card';
import type { Reply } from '../../blocks/kit';
import type { GroupSummary } from '../../blocks/views';
import { call } from '../refusal';
import type { Session } from '../session';

export const groupPageSize = 5;

/** The group card at `offset`: count and members come from one database-side query. */
export async function groupPage(
  session: Session,
  group: GroupSummary,
  offset: number,
  notice?: string,
): Promise<Reply> {
  const page = await call(session.timeoutMs, () =>
    session.api.groups.members.query({ groupId: group.id, limit: groupPageSize, offset }),
  );
  return groupCard(
    { group, count: page.totalCount, members: page.conversations, offset, pageSize: groupPageSize },
    notice,
  );
}
