import pg from 'pg';
import { Prisma } from '../generated/prisma/client';

// The comment a statement starts with when its transaction's COMMIT is sent right behind it.
const commitsMarker = '/* commits its transaction */ ';

/**
 * Marks the last statement of a transaction: on PostgreSQL its COMMIT goes out with it, in the
 * same write (pipelined), and the server commits the moment the statement ends instead of a
 * round trip later. The locks the transaction holds (an organization's event sequence, queue
 * members) are then held for the statement, not for the time the API takes to read its answer
 * and send COMMIT: with many writers on few cores, that wait was most of the time each writer
 * held them, and every other writer of the organization queued behind it.
 *
 * Prisma's own COMMIT that follows is answered by the client (CommittingClient); a statement
 * sent after the marked one fails, and so does its transaction, loudly. On PGlite (one session,
 * nobody waits on its locks) the mark is only a comment.
 */
export function commitsTransaction(query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(commitsMarker)}${query}`;
}

type QueryResult = pg.QueryResult;

/**
 * The pool's connection class: pipelined (queries are written without waiting for the previous
 * answer), so a statement marked by commitsTransaction and its COMMIT leave together.
 */
export class CommittingClient extends pg.Client {
  /** The transaction ended with a marked statement; Prisma's COMMIT or ROLLBACK is answered here. */
  #ended = false;

  constructor(config?: pg.ClientConfig) {
    super({ ...config, pipeline: true } as pg.ClientConfig);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this passes them through.
  override query(config: any, values?: any, callback?: any): any {
    const text: unknown = typeof config === 'string' ? config : config?.text;
    if (this.#ended) {
      this.#ended = false;
      if (text === 'COMMIT' || text === 'ROLLBACK') return Promise.resolve(endedResult(text));
      return Promise.reject(
        new Error('A statement was sent after the one that committed its transaction (commitsTransaction).'),
      );
    }
    if (typeof text === 'string' && text.startsWith(commitsMarker) && values === undefined && !callback) {
      const statement = super.query(config) as Promise<QueryResult>;
      const commit = super.query('COMMIT') as Promise<QueryResult>;
      this.#ended = true;
      return Promise.allSettled([statement, commit]).then(([ran, committed]) => {
        if (ran.status === 'rejected') throw ran.reason;
        if (committed.status === 'rejected') throw committed.reason;
        return ran.value;
      });
    }
    return super.query(config, values, callback);
  }
}

const endedResult = (command: string): QueryResult => ({
  command,
  rowCount: null,
  oid: 0,
  fields: [],
  rows: [],
});
