import { DomainError } from '../errors';
import { charLength } from '../limits';
import { type ComparisonOperator, type CriteriaAst, combineCriteria, listOperators } from './ast';
import { checkField, checkValues } from './check';
import { isCriteriaError } from './errors';
import { fieldNames, metadataPrefix } from './fields';
import { criteriaLimits } from './limits';
import { suggest } from './suggest';

/*
 * Infobip's routing expressions: a JSON tree such as
 *   {"$or":[{"$eq":{"message.channel":"WHATSAPP"}},{"$eq":{"customer.country":"Croatia"}}]}
 * read into the SAME criteria AST that RSQL produces, so the in-memory predicate, the SQL
 * compiler (packages/db) and the printer serve both syntaxes. Each comparison goes through the
 * RSQL checker (known field, operator allowed for it, valid values), so a value refused in one
 * syntax is refused in the other; the error names the JSON path of the bad node instead of an
 * offset.
 *
 * Infobip's document shows `$and`, `$or` and `$eq`; the other comparison operators use the same
 * Mongo-style spelling, one for each operator of the AST (there is no `$not`: the AST has none).
 */
export const expressionComparisons = {
  $eq: '==',
  $ne: '!=',
  $lt: '<',
  $lte: '<=',
  $gt: '>',
  $gte: '>=',
  $in: '=in=',
  $nin: '=out=',
} as const satisfies Record<string, ComparisonOperator>;
export type ExpressionComparison = keyof typeof expressionComparisons;

export const expressionLogic = ['$and', '$or'] as const;
export const expressionOperators: readonly string[] = [
  ...expressionLogic,
  ...Object.keys(expressionComparisons),
];

/**
 * Infobip field names and what they are in the criteria language. `message.channel` is the
 * channel of the message that opened the conversation, which is the conversation's `channel`.
 * Switchboard keeps no customer profile, so `customer.<attribute>` reads the conversation's
 * metadata under `customer.<attribute>`. Every criteria field is accepted as RSQL spells it too.
 */
export const expressionFieldAliases: Readonly<Record<string, string>> = { 'message.channel': 'channel' };
const customerPrefix = 'customer.';

export const expressionFieldNames: readonly string[] = [
  ...Object.keys(expressionFieldAliases),
  `${customerPrefix}<attribute>`,
  ...fieldNames,
];

/** A refused expression: `path` is where the bad node is (`expression.$or[1].$eq["message.chanel"]`). */
export class ExpressionError extends DomainError {
  constructor(
    readonly path: string,
    problem: string,
    extra: Record<string, unknown> = {},
  ) {
    super('INVALID_CRITERIA', `${path}: ${problem}`, {
      path,
      field: path,
      validOperators: [...expressionOperators],
      validFields: [...expressionFieldNames],
      ...extra,
    });
  }
}

export const isExpressionError = (error: unknown): error is ExpressionError =>
  error instanceof ExpressionError;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const keyPath = (path: string, key: string): string =>
  /^[$A-Za-z_][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/** The canonical criteria field an expression field names, or the name itself for the checker to judge. */
const criteriaFieldOf = (written: string): string => {
  const alias = expressionFieldAliases[written];
  if (alias) return alias;
  if (written.startsWith(customerPrefix) && written.length > customerPrefix.length) {
    return `${metadataPrefix}${written}`;
  }
  return written;
};

class ExpressionReader {
  private comparisons = 0;

  read(node: unknown, path: string, depth: number): CriteriaAst {
    if (depth > criteriaLimits.maxDepth) {
      throw new ExpressionError(path, `expressions nest at most ${criteriaLimits.maxDepth} levels deep`);
    }
    if (!isPlainObject(node)) {
      throw new ExpressionError(
        path,
        `expected an object such as {"$eq":{"message.channel":"WHATSAPP"}}; valid operators: ${expressionOperators.join(', ')}`,
      );
    }
    const keys = Object.keys(node);
    if (keys.length === 0) {
      throw new ExpressionError(path, `empty expression; use one of ${expressionOperators.join(', ')}`);
    }
    // Several operators side by side must all hold, as several fields in one `$eq` do.
    return combineCriteria(
      'and',
      keys.map((key) => this.readOperator(key, node[key], keyPath(path, key), depth)),
    );
  }

  private readOperator(key: string, value: unknown, path: string, depth: number): CriteriaAst {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        throw new ExpressionError(path, `${key} takes a non-empty array of expressions`);
      }
      return combineCriteria(
        key === '$and' ? 'and' : 'or',
        value.map((child, index) => this.read(child, `${path}[${index}]`, depth + 1)),
      );
    }
    const operator = expressionComparisons[key as ExpressionComparison];
    if (!Object.hasOwn(expressionComparisons, key) || !operator) {
      throw new ExpressionError(
        path,
        `unknown operator ${JSON.stringify(key)}; valid operators: ${expressionOperators.join(', ')}`,
      );
    }
    if (!isPlainObject(value) || Object.keys(value).length === 0) {
      throw new ExpressionError(
        path,
        `${key} takes an object of field → value, e.g. {"${key}":{"message.channel":"WHATSAPP"}}`,
      );
    }
    return combineCriteria(
      'and',
      Object.entries(value).map(([field, operand]) =>
        this.readComparison(key as ExpressionComparison, operator, field, operand, keyPath(path, field)),
      ),
    );
  }

  private readComparison(
    key: ExpressionComparison,
    written: ComparisonOperator,
    writtenField: string,
    operand: unknown,
    path: string,
  ): CriteriaAst {
    this.comparisons++;
    if (this.comparisons > criteriaLimits.maxComparisons) {
      throw new ExpressionError(
        path,
        `an expression has at most ${criteriaLimits.maxComparisons} comparisons`,
      );
    }
    const isList = listOperators.includes(written);
    // $in / $nin take an array of values, every other operator exactly one value.
    if (isList ? !Array.isArray(operand) : Array.isArray(operand)) {
      throw new ExpressionError(
        path,
        isList
          ? `${key} takes an array of 1 to ${criteriaLimits.maxListValues} values`
          : `${key} takes one value (use $in for several)`,
      );
    }
    const raw: unknown[] = Array.isArray(operand) ? operand : [operand];
    if (raw.length === 0 || raw.length > criteriaLimits.maxListValues) {
      throw new ExpressionError(path, `${key} takes an array of 1 to ${criteriaLimits.maxListValues} values`);
    }
    const texts = raw.map((value, index) => this.readValue(value, isList ? `${path}[${index}]` : path));
    const { field, spec } = this.readField(writtenField, path);
    if (!spec.operators.includes(written)) {
      const allowed = Object.entries(expressionComparisons)
        .filter(([, operator]) => spec.operators.includes(operator))
        .map(([name]) => name);
      throw new ExpressionError(
        path,
        `${key} cannot be used with ${writtenField}; it takes ${allowed.join(', ')}`,
        {
          expected: allowed,
        },
      );
    }
    try {
      const values = checkValues(
        '',
        field,
        spec,
        written,
        texts.map((text) => ({ text, offset: 0 })),
        undefined,
      );
      return { type: 'comparison', field, operator: written, values };
    } catch (error) {
      if (!isCriteriaError(error)) throw error;
      throw new ExpressionError(path, withoutOffset(error.criteria.message), {
        ...(error.criteria.expected && { expected: error.criteria.expected }),
        ...(error.criteria.suggestion !== undefined && { suggestion: error.criteria.suggestion }),
      });
    }
  }

  private readField(written: string, path: string): ReturnType<typeof checkField> {
    try {
      return checkField('', criteriaFieldOf(written), 0);
    } catch (error) {
      if (!isCriteriaError(error)) throw error;
      const { code, message } = error.criteria;
      const suggestion = suggest(written, Object.keys(expressionFieldAliases)) ?? error.criteria.suggestion;
      if (code !== 'UNKNOWN_FIELD') throw new ExpressionError(path, withoutOffset(message));
      const known = suggestion ? `did you mean ${JSON.stringify(suggestion)}? ` : '';
      throw new ExpressionError(
        path,
        `unknown field ${JSON.stringify(written)}; ${known}valid fields: ${expressionFieldNames.join(', ')}`,
        suggestion === undefined ? {} : { suggestion },
      );
    }
  }

  private readValue(value: unknown, path: string): string {
    const text =
      typeof value === 'string'
        ? value
        : typeof value === 'number' && Number.isFinite(value)
          ? String(value)
          : typeof value === 'boolean'
            ? String(value)
            : undefined;
    if (text === undefined) {
      throw new ExpressionError(path, 'a value is a string, a number or a boolean');
    }
    if (charLength(text) > criteriaLimits.maxValueLength) {
      throw new ExpressionError(path, `a value is at most ${criteriaLimits.maxValueLength} characters`);
    }
    // NUL and lone surrogates cannot be stored as PostgreSQL text (as in RSQL).
    if (text.includes('\0') || /\p{Cs}/u.test(text)) {
      throw new ExpressionError(path, 'a value cannot contain NUL or unpaired surrogate characters');
    }
    return text;
  }
}

/** The RSQL checker's message places the problem at an offset; in JSON the path does. */
const withoutOffset = (message: string): string => message.replace(/ at 1:1( — |$)/, '; ').replace(/; $/, '');

/**
 * Reads an Infobip routing expression into the criteria AST. `path` names the expression in
 * errors (`[0].expression` for the first rule of a PUT body). Throws only ExpressionError.
 */
export const parseExpression = (expression: unknown, path = 'expression'): CriteriaAst =>
  new ExpressionReader().read(expression, path, 1);

/** The inverse of parseExpression on canonical fields: an AST as an Infobip JSON expression. */
export const printExpression = (ast: CriteriaAst): Record<string, unknown> => {
  if (ast.type !== 'comparison') {
    return { [ast.type === 'and' ? '$and' : '$or']: ast.children.map(printExpression) };
  }
  const key = Object.entries(expressionComparisons).find(([, operator]) => operator === ast.operator)?.[0];
  const operand = listOperators.includes(ast.operator) ? [...ast.values] : ast.values[0];
  return { [key ?? '$eq']: { [ast.field]: operand } };
};
