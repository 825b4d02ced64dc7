import { createHash } from 'node:crypto';
import type { Prisma } from './generated/prisma/client';

/** Statement text → the name PostgreSQL prepares it under (one per text, the same in every process). */
const names = new Map<string, string>();

/**
 * At most this many texts are prepared (a connection keeps each one's plan): a write whose text
 * grows with its rows (a VALUES list per event) has a few shapes in practice, and the cap keeps
 * any unforeseen variety from filling the server's memory. Texts past it stay unnamed.
 */
export const maxPreparedTexts = 100;

/**
 * Marks one of the API's hottest statements (fixed text, parameters only) as one to prepare once
 * per connection: on PostgreSQL it is then sent by name, so the server neither parses nor plans
 * it again (PostgreSQL keeps its plan, and switches to a generic one when that costs no more).
 * An unnamed statement is parsed and planned on every call, which for a short read of one
 * conversation costs the server several times the execution itself (pgbench on this machine:
 * 0.197 ms a call unnamed against 0.036 ms prepared).
 *
 * Only for statements whose plan does not depend on the values (lookups and writes by key): a
 * query whose best plan varies with its parameters (a group's criteria) stays unnamed, planned
 * each time. Marked texts are bounded (maxPreparedTexts), and so is what a connection holds.
 * On PGlite the names are not used: every statement of a transaction is prepared there
 * (drivers/pglite-prepared.ts), and statements outside transactions are not.
 */
export function prepared(query: Prisma.Sql): Prisma.Sql {
  // `text` is the statement as PostgreSQL receives it ($1, $2…); `sql` has `?` placeholders.
  const text = query.text;
  if (!names.has(text) && names.size < maxPreparedTexts)
    names.set(text, `sb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`);
  return query;
}

/** For `@prisma/adapter-pg` (`statementNameGenerator`): the name of a marked statement, else none. */
export const preparedStatementName = (query: { sql: string }): string | undefined => names.get(query.sql);
