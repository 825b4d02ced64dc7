import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * LISTEN on a channel: `onPayload` receives each NOTIFY payload committed by any session of the
 * database (every API process on PostgreSQL). Resolves once listening; the answer stops it.
 */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

/** PGlite is one in-process session: its own listener API sees every commit. */
export const pgliteListen =
  (pglite: PGlite): Listen =>
  async (channel, onPayload) => {
    const stop = await pglite.listen(channel, onPayload);
    return () => stop();
  };

const reconnectDelayMs = 1_000;

/**
 * On PostgreSQL a LISTEN needs its own connection, outside the pool. A lost connection is
 * reopened after a second; notifications sent meanwhile are lost, which is why consumers also
 * poll the log (a notification is a hint to read, never the data itself).
 */
export function postgresListen(databaseUrl: string): { listen: Listen; closeAll(): Promise<void> } {
  const stops = new Set<() => Promise<void>>();
  const listen: Listen = async (channel, onPayload) => {
    let client: pg.Client | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const next = new pg.Client({ connectionString: databaseUrl });
      next.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
      });
      next.on('error', () => {
        next.end().catch(() => {});
        if (!stopped) retry = setTimeout(() => connect().catch(() => {}), reconnectDelayMs);
      });
      await next.connect();
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      client = next;
    };
    await connect();
    const stop = async () => {
      stopped = true;
      clearTimeout(retry);
      stops.delete(stop);
      await client?.end().catch(() => {});
    };
    stops.add(stop);
    return stop;
  };
  return { listen, closeAll: async () => void (await Promise.all([...stops].map((stop) => stop()))) };
}
