import type { ConvCommand } from '../../parsing/conv-command';
import { findGroup } from '../groups/find-group';
import type { Session } from '../session';

/** `group:VIP status==OPEN` → `(<VIP's criteria>) and (status==OPEN)`: the group's list, narrowed. */
export async function listCriteria(
  session: Session,
  command: Extract<ConvCommand, { name: 'list' }>,
): Promise<string | undefined> {
  if (command.group === undefined) return command.criteria;
  const group = await findGroup(session, command.group);
  return command.criteria === undefined ? group.criteria : `(${group.criteria}) and (${command.criteria})`;
}
