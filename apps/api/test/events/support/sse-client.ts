/** One Server-Sent Events frame as a client reads it. */
export interface SseFrame {
  id?: string;
  data?: string;
  comment?: string;
}

export interface SseConnection {
  status: number;
  headers: Headers;
  /** The body, when the server refused with an ordinary response. */
  body?: unknown;
  frames: SseFrame[];
  /** Parsed `data:` of the event frames received so far. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary event JSON
  events(): any[];
  close(): void;
}

/** Opens an SSE stream with fetch and keeps reading frames in the background until closed. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseConnection> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const frames: SseFrame[] = [];
  const connection: SseConnection = {
    status: res.status,
    headers: res.headers,
    frames,
    events: () =>
      frames.filter((frame) => frame.data !== undefined).map((frame) => JSON.parse(frame.data ?? '')),
    close: () => abort.abort(),
  };
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) {
    connection.body = await res.json();
    return connection;
  }
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += chunk.value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          frames.push(parseFrame(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Closed by the test.
    }
  })();
  return connection;
}

function parseFrame(text: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else if (line.startsWith('id: ')) frame.id = line.slice(4);
    else if (line.startsWith('data: '))
      frame.data = (frame.data === undefined ? '' : `${frame.data}\n`) + line.slice(6);
  }
  return frame;
}
