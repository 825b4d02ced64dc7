import type { GroupSummary } from '../../blocks/views';
import { closestName } from '../../parsing/suggest-name';
import { ApiCallError, CommandRefusal, call } from '../refusal';
import type { Session } from '../session';

const looksLikeId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Names are compared case-insensitively over this many groups at most (pages of 100).
const maxGroupsCompared = 1000;

/**
 * A group by id or by name. The exact name wins; otherwise a name that differs only in case is
 * accepted when exactly one group has it (`vip` for "VIP"), and a near miss is suggested.
 */
export async function findGroup(session: Session, ref: string): Promise<GroupSummary> {
  const { api, timeoutMs } = session;
  if (looksLikeId.test(ref)) {
    const byId = await notFoundAsNull(call(timeoutMs, () => api.groups.get.query({ groupId: ref })));
    if (byId) return byId.group;
  }
  const exact = await notFoundAsNull(call(timeoutMs, () => api.groups.get.query({ name: ref })));
  if (exact) return exact.group;
  const groups = await allGroups(session);
  const sameLetters = groups.filter((group) => group.name.toLowerCase() === ref.toLowerCase());
  const [only] = sameLetters;
  if (only && sameLetters.length === 1) return only;
  if (sameLetters.length > 1) {
    throw new CommandRefusal(
      `Several groups are named "${ref}" apart from case: ${sameLetters.map((g) => `"${g.name}"`).join(', ')}. Write the name exactly.`,
    );
  }
  const near = closestName(
    ref,
    groups.map((group) => group.name),
  );
  throw new CommandRefusal(
    `No group named "${ref}"${near ? ` — did you mean "${near}"?` : '. `/group list` shows them.'}`,
  );
}

async function allGroups(session: Session): Promise<GroupSummary[]> {
  const groups: GroupSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(session.timeoutMs, () =>
      session.api.groups.list.query({ limit: 100, ...(cursor ? { cursor } : {}) }),
    );
    groups.push(...page.groups);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && groups.length < maxGroupsCompared);
  return groups;
}

async function notFoundAsNull<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ApiCallError && error.failure.status === 404) return null;
    throw error;
  }
}
