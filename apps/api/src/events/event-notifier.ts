import type { Database } from '@switchboard/db';
import { eventChannel } from './record-events';

/** Called after events of an organization up to `sequence` have committed, in any process. */
export type EventListener = (organizationId: string, sequence: number) => void;

export interface EventNotifier {
  /** Registers a listener; the answer unregisters it. */
  onEvent(listener: EventListener): () => void;
  /** Resolves once this process is listening (a test waits for it before writing). */
  ready: Promise<void>;
}

const notifiers = new WeakMap<Database, EventNotifier>();

/**
 * The process-wide notifier of one database: a single LISTEN (one connection on PostgreSQL)
 * fanned out to every listener. recordEvents queues the NOTIFY in the writing transaction, so it
 * arrives only for committed events. A hint to read the log, never the data: consumers read
 * events by sequence and also poll, because a notification can be lost while reconnecting.
 */
export function eventNotifierFor(db: Database): EventNotifier {
  let notifier = notifiers.get(db);
  if (!notifier) {
    notifier = createNotifier(db);
    notifiers.set(db, notifier);
  }
  return notifier;
}

function createNotifier(db: Database): EventNotifier {
  const listeners = new Set<EventListener>();
  const ready = db
    .listen(eventChannel, (payload) => {
      const separator = payload.lastIndexOf(':');
      const organizationId = payload.slice(0, separator);
      const sequence = Number(payload.slice(separator + 1));
      for (const listener of listeners) listener(organizationId, sequence);
    })
    .then(() => undefined);
  // A failed LISTEN leaves consumers on their polling fallback; it must not crash the process.
  ready.catch(() => {});
  return {
    ready,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
