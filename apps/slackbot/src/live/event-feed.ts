import type { Logger } from '@slack/bolt';

/** One event of Switchboard's log, as GET /v1/events/stream sends it. */
export interface FeedEvent {
  id: string;
  type: string;
  sequence: number;
  timestamp: string;
  actor: { type: string; id: string };
  data: Record<string, unknown>;
}

export interface FeedOptions {
  url: string;
  apiKey: string;
  types: readonly string[];
  /** The sequence to resume after (0: start with the next event committed). */
  resumeAfter: () => Promise<number>;
  handle: (event: FeedEvent) => Promise<void>;
  /** Called once the stream is open (each time it reconnects). */
  onConnected?: () => void;
  logger: Logger;
  signal: AbortSignal;
}

const reconnectDelaysMs = [250, 1000, 2000, 5000];

/**
 * Follows the API's event stream (SSE) until `signal` aborts, reconnecting with `Last-Event-ID`
 * after a drop. Events are handled one at a time in sequence order; a handler's failure is logged
 * and the stream moves on (one bad event must not stop the inbox).
 */
export async function followEvents(options: FeedOptions): Promise<void> {
  let lastSeen = 0;
  let failures = 0;
  while (!options.signal.aborted) {
    try {
      const after = Math.max(lastSeen, await options.resumeAfter());
      for await (const event of readStream(options, after)) {
        failures = 0;
        lastSeen = event.sequence;
        await options.handle(event).catch((error: unknown) => {
          options.logger.error(`Handling event ${event.type} #${event.sequence} failed: ${describe(error)}`);
        });
      }
    } catch (error) {
      if (options.signal.aborted) return;
      options.logger.warn(`Event stream interrupted (${describe(error)}); reconnecting`);
    }
    const delay = reconnectDelaysMs[Math.min(failures++, reconnectDelaysMs.length - 1)] ?? 5000;
    await sleep(delay, options.signal);
  }
}

async function* readStream(options: FeedOptions, after: number): AsyncGenerator<FeedEvent> {
  const query = new URLSearchParams({ types: options.types.join(',') });
  const response = await fetch(`${options.url}/v1/events/stream?${query}`, {
    headers: {
      'x-api-key': options.apiKey,
      accept: 'text/event-stream',
      ...(after > 0 ? { 'last-event-id': String(after) } : {}),
    },
    signal: options.signal,
  });
  if (!response.ok || !response.body) {
    throw new Error(
      `GET /v1/events/stream answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
    );
  }
  options.onConnected?.();
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const data = dataOf(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (data !== undefined) yield JSON.parse(data) as FeedEvent;
      end = buffer.indexOf('\n\n');
    }
  }
  throw new Error('the stream ended');
}

/** The `data:` lines of one SSE message (comments and `id:` lines carry nothing we need). */
function dataOf(message: string): string | undefined {
  const lines = message.split('\n').filter((line) => line.startsWith('data:'));
  return lines.length === 0 ? undefined : lines.map((line) => line.slice(5).trimStart()).join('\n');
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
