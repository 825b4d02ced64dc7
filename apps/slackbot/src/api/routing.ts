import type { SwitchboardApi } from './client';

/**
 * route / assign / unassign are served under `conversationRouting` until the lead merges them into
 * `conversations`. This is the one place that names the key: after the merge the type check fails
 * here, and the fix is to write 'conversations'.
 */
const routingKey = 'conversationRouting' satisfies keyof SwitchboardApi;

export const routingOf = (api: SwitchboardApi) => api[routingKey];
