import {
  type CriteriaAst,
  type CriteriaComparison,
  CriteriaError,
  type FieldKind,
  fieldNames,
  fieldSpec,
  metadataKey,
} from '@switchboard/core';
import type { Prisma } from '../generated/prisma/client';
import { enumOperators, priorityOperators } from './enums';
import { instantOperators } from './instants';
import { metadataOperators } from './metadata';
import type { CompileContext, OperatorMap } from './operators';
import { setOperators } from './sets';
import { joinLogic } from './sql';
import { textOperators } from './text';

/** Which compiler handles each field kind of core's catalogue. */
const compilers: Readonly<Record<FieldKind, OperatorMap>> = {
  string: textOperators,
  enum: enumOperators,
  priority: priorityOperators,
  instant: instantOperators,
  set: setOperators,
  metadata: metadataOperators,
};

/**
 * Compiles a criteria AST to a parameterised SQL boolean over the `"Conversation"` table,
 * which the surrounding query must alias as `c` (`FROM "Conversation" c`). It means exactly
 * what core's `compilePredicate` means (packages/core/src/criteria/README.md): the expression
 * is never NULL, `!=` / `=out=` are the negations of `==` / `=in=`, and every value is a bound
 * parameter. It does not filter by organization: callers add `c."organizationId" = $org`
 * (see conversation-query.ts); set lookups are scoped to `c."organizationId"`. `context.tagIds`
 * (from `resolveTagIds` for the same organization) makes tag tests plan better; without it they
 * join Tag by name, with the same result.
 */
export const compileCriteriaToSql = (ast: CriteriaAst, context: CompileContext = {}): Prisma.Sql =>
  ast.type === 'comparison'
    ? compileComparison(ast, context)
    : joinLogic(
        ast.type,
        ast.children.map((child) => compileCriteriaToSql(child, context)),
      );

const compileComparison = (comparison: CriteriaComparison, context: CompileContext): Prisma.Sql => {
  const { field, operator, values } = comparison;
  const spec = fieldSpec(field);
  if (!spec) throw refused('UNKNOWN_FIELD', `Unknown field "${field}"`, field);
  const compile = spec.operators.includes(operator) ? compilers[spec.kind][operator] : undefined;
  if (!compile || values.length === 0)
    throw refused('BAD_OPERATOR', `Cannot compile ${field}${operator}`, field);
  for (const text of [metadataKey(field) ?? '', ...values]) {
    if (!storable(text)) {
      throw refused(
        'BAD_VALUE',
        `${field}${operator} has a value PostgreSQL cannot hold (NUL or a lone surrogate)`,
        field,
      );
    }
  }
  return compile(comparison, spec, context);
};

/**
 * parseCriteria refuses NUL and unpaired surrogates; a hand-built AST could still carry them,
 * and the driver would fail on NUL and silently replace a lone surrogate.
 */
const unstorable = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (text: string): boolean => !unstorable.test(text);

/** Only reachable with an AST that did not come from parseCriteria; the same error core's predicate throws. */
const refused = (code: 'UNKNOWN_FIELD' | 'BAD_OPERATOR' | 'BAD_VALUE', problem: string, field: string) =>
  new CriteriaError({
    code,
    message: `${problem} at 1:1`,
    offset: 0,
    line: 1,
    column: 1,
    field,
    ...(code === 'UNKNOWN_FIELD' ? { validFields: [...fieldNames] } : {}),
  });
