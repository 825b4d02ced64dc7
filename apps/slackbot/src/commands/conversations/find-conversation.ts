import { CommandRefusal, call } from '../refusal';
import type { Session } from '../session';

const fullIdLength = 36;

/**
 * A conversation by full id, or by the short id on a card (any leading part of the id) when
 * exactly one conversation's id starts with it. The prefix match runs in the database through
 * the criteria `id==<prefix>*`.
 */
export async function findConversation(session: Session, ref: string) {
  const { api, timeoutMs } = session;
  // Ids are lower-case UUIDs; people copy them in any case.
  const id = /^[0-9a-f-]+$/i.test(ref) ? ref.toLowerCase() : ref;
  if (id.length >= fullIdLength)
    return call(timeoutMs, () => api.conversations.get.query({ conversationId: id }));
  const { conversations } = await call(timeoutMs, () =>
    api.conversations.list.query({ criteria: `id==${id}*`, limit: 2 }),
  );
  const [only, another] = conversations;
  if (!only) throw new CommandRefusal(`No conversation has an id starting with "${ref}".`);
  if (another) {
    throw new CommandRefusal(`"${ref}" is the start of more than one conversation id; give more characters.`);
  }
  return only;
}
