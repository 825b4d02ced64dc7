/** The watch row as the `slack.*` procedures return it: the group with its name, for display. */
export const watchInclude = { group: { select: { id: true, name: true } } } as const;

export function presentWatch(row: {
  id: string;
  channelId: string;
  createdBy: string;
  disabledReason: string | null;
  group: { id: string; name: string };
}) {
  return {
    id: row.id,
    channelId: row.channelId,
    group: row.group,
    createdBy: row.createdBy,
    disabledReason: row.disabledReason,
  };
}
