import type { NameBook } from '../../live/names';
import { escapeMrkdwn } from '../../parsing/slack-text';

/**
 * A history event in mrkdwn, with queue and agent names instead of ids:
 * `conversation.assign` with before/after views → `assign: agent — → <@U1>; queue — → Billing`.
 */
export async function describeEvent(
  event: { action: string; before?: unknown; after?: unknown },
  names: NameBook,
): Promise<string> {
  const action = escapeMrkdwn(event.action.replace(/^conversation\./, ''));
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  if (!before || !after) return action;
  const changes: string[] = [];
  for (const key of ['status', 'priority', 'topic']) {
    if (before[key] !== after[key]) changes.push(`${key} ${show(before[key])} → ${show(after[key])}`);
  }
  const named = async (id: unknown, text: (id: string) => Promise<string>) =>
    typeof id === 'string' && id !== '' ? text(id) : '—';
  if (before.queueId !== after.queueId) {
    const [was, is] = await Promise.all([
      named(before.queueId, (id) => names.queueText(id)),
      named(after.queueId, (id) => names.queueText(id)),
    ]);
    changes.push(`queue ${was} → ${is}`);
  }
  if (before.agentId !== after.agentId) {
    const [was, is] = await Promise.all([
      named(before.agentId, (id) => names.agentText(id)),
      named(after.agentId, (id) => names.agentText(id)),
    ]);
    changes.push(`agent ${was} → ${is}`);
  }
  const tagsBefore = Array.isArray(before.tags) ? before.tags.map(String) : [];
  const tagsAfter = Array.isArray(after.tags) ? after.tags.map(String) : [];
  const added = tagsAfter.filter((tag) => !tagsBefore.includes(tag));
  const removed = tagsBefore.filter((tag) => !tagsAfter.includes(tag));
  if (added.length > 0) changes.push(escapeMrkdwn(`+${added.join(', +')}`));
  if (removed.length > 0) changes.push(escapeMrkdwn(`−${removed.join(', −')}`));
  return changes.length > 0 ? `${action}: ${changes.join('; ')}` : action;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : escapeMrkdwn(String(value).slice(0, 40));
