import type { GroupSummary } from '../../blocks/views';
import { ApiCallError, call } from '../refusal';
import type { Session } from '../session';

const looksLikeId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A group by id or by exact name; a name that happens to look like an id is tried as both. */
export async function findGroup(session: Session, ref: string): Promise<GroupSummary> {
  const { api, timeoutMs } = session;
  if (looksLikeId.test(ref)) {
    try {
      return (await call(timeoutMs, () => api.groups.get.query({ groupId: ref }))).group;
    } catch (error) {
      if (!(error instanceof ApiCallError && error.failure.status === 404)) throw error;
    }
  }
  return (await call(timeoutMs, () => api.groups.get.query({ name: ref }))).group;
}
