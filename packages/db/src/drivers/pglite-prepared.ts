import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';

/**
 * Statements kept prepared at most; the least recently used is closed first. A prepared statement
 * holds its plan in PGlite's memory, and the API's transactions send fewer distinct texts than this.
 */
const defaultMaxPrepared = 100;

interface Prepared {
  name: string;
  /** The parameters' types, as the server inferred them: the values are serialized by them. */
  parameterTypes: number[];
}

/**
 * PGlite's `query` parses, analyses and plans every statement again (an unnamed statement, in six
 * protocol exchanges), inside the API's own thread. This keeps the statements of transactions, where
 * the writes are, prepared by name: each distinct SQL text is parsed once (Parse + Describe), then
 * every call is one exchange (Bind, Describe, Execute, Sync), and PostgreSQL plans it as it plans any
 * prepared statement: five custom plans, then a generic one when that is estimated to cost no more.
 * A conversation create's three statements are large CTEs: their WebAssembly time went from 4.5 ms
 * to 2.0 ms per create (1.4 ms of the saving is planning), and the embedded API's creates per second
 * from 81 to 112 with a webhook delivered for each (README, "Prepared statements on the embedded
 * database").
 *
 * Only statements inside a transaction go this way. PGlite has one session and a transaction holds
 * it from BEGIN to COMMIT, so a statement sent while the transaction's callback runs belongs to it;
 * outside one, PGlite's own `query` takes the lock that waits for open transactions, and stays.
 * The criteria queries of lists and groups, whose best plan depends on the values, run outside
 * transactions and are planned for their values every time, as on PostgreSQL (prepared-statements.ts).
 */
export function withPreparedTransactions(pglite: PGlite, maxPrepared = defaultMaxPrepared): PGlite {
  const prepared = new Map<string, Prepared>();
  let nextName = 0;

  const exchange = async (messages: Uint8Array[]) => {
    const { messages: answers } = await pglite.execProtocol(concat(messages), { syncToFs: false });
    return answers;
  };

  const prepare = async (sql: string): Promise<Prepared> => {
    const known = prepared.get(sql);
    if (known) {
      // Most recently used last: Map keeps insertion order.
      prepared.delete(sql);
      prepared.set(sql, known);
      return known;
    }
    const name = `switchboard_${nextName++}`;
    const answers = await exchange([
      protocol.serialize.parse({ name, text: sql }),
      protocol.serialize.describe({ type: 'S', name }),
      protocol.serialize.sync(),
    ]);
    const statement = { name, parameterTypes: parse.parseDescribeStatementResults(answers) };
    prepared.set(sql, statement);
    if (prepared.size > maxPrepared) {
      const [oldestSql, oldest] = prepared.entries().next().value as [string, Prepared];
      prepared.delete(oldestSql);
      await exchange([protocol.serialize.close({ type: 'S', name: oldest.name }), protocol.serialize.sync()]);
    }
    return statement;
  };

  const run = <T>(
    tx: Transaction,
    sql: string,
    params: unknown[] = [],
    options?: QueryOptions,
  ): Promise<Results<T>> =>
    pglite.runExclusive(async () => {
      if (tx.closed) throw new Error('Transaction is closed');
      const statement = await prepare(sql);
      const values = params.map((param, i) => {
        if (param === null || param === undefined) return null;
        const type = statement.parameterTypes[i] as number;
        const serialize = options?.serializers?.[type] ?? pglite.serializers[type];
        return serialize ? serialize(param) : String(param);
      });
      const answers = await exchange([
        protocol.serialize.bind({ statement: statement.name, values }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]);
      return parse.parseResults(answers, pglite.parsers, options)[0] as Results<T>;
    });

  return new Proxy(pglite, {
    get(target, property) {
      if (property !== 'transaction') {
        // PGlite's methods read private fields: they must run on PGlite itself, not on the proxy.
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return <T>(callback: (tx: Transaction) => Promise<T>) =>
        target.transaction((tx) => {
          const query = <R>(sql: string, params?: unknown[], options?: QueryOptions) =>
            run<R>(tx, sql, params, options);
          return callback(Object.assign(Object.create(tx), { query }) as Transaction);
        });
    },
  });
}

function concat(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}
