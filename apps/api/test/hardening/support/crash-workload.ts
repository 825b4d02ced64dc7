/**
 * The write burst that is cut by kill -9. Each writer owns its conversations and changes each one
 * in a fixed sequence (create, priority, tag add, tag remove, topic, metadata), one request at a
 * time, so after the crash every conversation must be exactly in the state of its last answered
 * write, or of the one write that was in flight when the process died.
 */
export interface ConversationState {
  topic: string;
  priority: string;
  tags: string[];
  metadata: Record<string, string>;
}

export interface Tracked {
  key: string;
  id?: string;
  /** State after the last write answered 2xx (undefined: the create was never answered). */
  acked?: ConversationState;
  /** State had the write in flight at the crash been applied. */
  pending?: ConversationState;
}

interface Step {
  name: string;
  request(id: string | undefined, key: string): { method: string; path: string; body?: unknown };
  apply(state: ConversationState | undefined, key: string): ConversationState;
}

const sortTags = (tags: string[]) => [...new Set(tags)].sort();

const steps: Step[] = [
  {
    name: 'create',
    request: (_, key) => ({
      method: 'POST',
      path: '/ccaas/1/conversations',
      body: { topic: key, priority: 'LOW', metadata: { key }, tags: ['crash', key] },
    }),
    apply: (_, key) => ({ topic: key, priority: 'LOW', tags: sortTags(['crash', key]), metadata: { key } }),
  },
  {
    name: 'update',
    request: (id) => ({ method: 'PATCH', path: `/ccaas/1/conversations/${id}`, body: { priority: 'HIGH' } }),
    apply: (state) => ({ ...(state as ConversationState), priority: 'HIGH' }),
  },
  {
    name: 'tag add',
    request: (id) => ({
      method: 'POST',
      path: `/ccaas/1/conversations/${id}/tags`,
      body: { tagName: 'second' },
    }),
    apply: (state) => ({
      ...(state as ConversationState),
      tags: sortTags([...(state?.tags ?? []), 'second']),
    }),
  },
  {
    name: 'tag remove',
    request: (id) => ({ method: 'DELETE', path: `/ccaas/1/conversations/${id}/tags/crash` }),
    apply: (state) => ({
      ...(state as ConversationState),
      tags: (state?.tags ?? []).filter((t) => t !== 'crash'),
    }),
  },
  {
    name: 'update',
    request: (id, key) => ({
      method: 'PATCH',
      path: `/ccaas/1/conversations/${id}`,
      body: { topic: `${key} renamed` },
    }),
    apply: (state, key) => ({ ...(state as ConversationState), topic: `${key} renamed` }),
  },
  {
    name: 'metadata',
    request: (id, key) => ({
      method: 'PUT',
      path: `/ccaas/1/conversations/${id}/metadata`,
      body: { key, step: 'last' },
    }),
    apply: (state, key) => ({ ...(state as ConversationState), metadata: { key, step: 'last' } }),
  },
];

export interface BurstResult {
  tracked: Tracked[];
  acked: Record<string, number>;
  inFlightAtKill: number;
  /** Answers other than 2xx and other than the connection dying: each one is a finding. */
  unexpected: string[];
}

/**
 * Runs `writers` sequential writers against `url` until `stopped()` and the connection dies.
 * Returns every conversation touched with what was acknowledged for it.
 */
export async function writeBurst(
  url: string,
  apiKey: string,
  writers: number,
  prefix: string,
  onAck: () => void,
): Promise<BurstResult> {
  const tracked: Tracked[] = [];
  const acked: Record<string, number> = {};
  const unexpected: string[] = [];
  let inFlightAtKill = 0;
  const writer = async (w: number) => {
    for (let n = 0; ; n++) {
      const item: Tracked = { key: `${prefix}w${w}c${n}` };
      tracked.push(item);
      for (const step of steps) {
        const next = step.apply(item.acked, item.key);
        const { method, path, body } = step.request(item.id, item.key);
        item.pending = next;
        let res: Response;
        try {
          res = await fetch(`${url}${path}`, {
            method,
            headers: {
              'x-api-key': apiKey,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          const answer = (await res.json()) as { id?: string };
          if (res.status < 200 || res.status >= 300) {
            unexpected.push(
              `${step.name} ${item.key}: ${res.status} ${JSON.stringify(answer).slice(0, 200)}`,
            );
            item.pending = undefined;
            return;
          }
          if (step.name === 'create') item.id = answer.id;
        } catch {
          inFlightAtKill++;
          return; // the process is gone: this write may or may not have been applied
        }
        item.acked = next;
        item.pending = undefined;
        acked[step.name] = (acked[step.name] ?? 0) + 1;
        onAck();
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return { tracked, acked, inFlightAtKill, unexpected };
}
