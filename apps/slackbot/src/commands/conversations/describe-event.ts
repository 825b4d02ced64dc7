/** `conversation.setStatus` with before/after views → `setStatus: status OPEN → CLOSED`. */
export function describeEvent(event: { action: string; before?: unknown; after?: unknown }): string {
  const action = event.action.replace(/^conversation\./, '');
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  if (!before || !after) return action;
  const changes: string[] = [];
  for (const key of ['status', 'priority', 'queueId', 'agentId', 'topic']) {
    if (before[key] !== after[key]) changes.push(`${key} ${show(before[key])} → ${show(after[key])}`);
  }
  const tagsBefore = Array.isArray(before.tags) ? before.tags.map(String) : [];
  const tagsAfter = Array.isArray(after.tags) ? after.tags.map(String) : [];
  const added = tagsAfter.filter((tag) => !tagsBefore.includes(tag));
  const removed = tagsBefore.filter((tag) => !tagsAfter.includes(tag));
  if (added.length > 0) changes.push(`+${added.join(', +')}`);
  if (removed.length > 0) changes.push(`−${removed.join(', −')}`);
  return changes.length > 0 ? `${action}: ${changes.join('; ')}` : action;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const show = (value: unknown) => (value === null || value === undefined ? '—' : String(value).slice(0, 40));
