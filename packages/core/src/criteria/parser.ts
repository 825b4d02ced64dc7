import { charLength } from '../limits';
import { type CriteriaAst, type CriteriaComparison, combineCriteria } from './ast';
import { checkField, checkOperator, checkValues, type RawValue } from './check';
import { criteriaError, isCriteriaError, show } from './errors';
import { Lexer, operatorSpellings, type Token } from './lexer';
import { criteriaLimits } from './limits';

/*
 * A small hand-written recursive-descent parser rather than `@rsql/parser`, because:
 * - errors must carry offset/line/column and what was expected; `@rsql/parser` throws plain
 *   SyntaxErrors whose only position is inside the message text, and its AST has no positions
 *   at all, so "Unknown field at 1:14" would need a second lexer anyway;
 * - limits (depth, comparisons, list size) must stop the parse as soon as they are crossed;
 * - it only accepts `and` / `or` when followed by a space (not `and(` or a line break).
 * The syntax is the same RSQL otherwise (same reserved characters, quoting and escapes), and a
 * property test checks that both parsers read every canonical criteria the same way.
 *
 * Grammar (AND binds tighter than OR):
 *   or         = and { ("," | "or") and }
 *   and        = primary { (";" | "and") primary }
 *   primary    = "(" or ")" | comparison
 *   comparison = field operator ( value | "(" value { "," value } ")" )
 */
export const parseCriteria = (text: string): CriteriaAst => {
  if (typeof text !== 'string') {
    throw criteriaError('', { code: 'SYNTAX', problem: 'Criteria must be a string', offset: 0 });
  }
  if (text.length > criteriaLimits.maxLength) {
    const problem = `Criteria is longer than ${criteriaLimits.maxLength} characters`;
    throw criteriaError(text, { code: 'LIMIT', problem, offset: criteriaLimits.maxLength });
  }
  // NUL and lone surrogates cannot be stored as PostgreSQL text, so no value may contain them.
  const nul = text.indexOf('\0');
  const surrogate = /\p{Cs}/u.exec(text)?.index ?? -1;
  const unsupported = nul === -1 ? surrogate : surrogate === -1 ? nul : Math.min(nul, surrogate);
  if (unsupported !== -1) {
    const code = text.charCodeAt(unsupported).toString(16).toUpperCase().padStart(4, '0');
    throw criteriaError(text, {
      code: 'SYNTAX',
      problem: `Unsupported character U+${code}`,
      offset: unsupported,
    });
  }
  try {
    return new Parser(text).parse();
  } catch (error) {
    if (isCriteriaError(error)) throw error;
    // A safety net for the contract "only CriteriaError escapes"; tests assert it never fires.
    throw criteriaError(text, {
      code: 'SYNTAX',
      problem: `Criteria could not be read (internal: ${error})`,
      offset: 0,
    });
  }
};

const isAnd = (token: Token) => token.kind === ';' || (token.kind === 'word' && token.text === 'and');
const isOr = (token: Token) => token.kind === ',' || (token.kind === 'word' && token.text === 'or');
const describe = (token: Token) => (token.kind === 'end' ? 'the end of the criteria' : show(token.text));

class Parser {
  private readonly lexer: Lexer;
  private depth = 0;
  private comparisons = 0;

  constructor(private readonly text: string) {
    this.lexer = new Lexer(text);
  }

  parse(): CriteriaAst {
    if (this.lexer.peek().kind === 'end') {
      this.fail(this.lexer.peek(), 'Criteria is empty', 'write a comparison such as status==OPEN', ['field']);
    }
    const ast = this.parseOr();
    const token = this.lexer.next();
    if (token.kind !== 'end') {
      const unmatched = token.kind === ')';
      this.fail(
        token,
        unmatched ? 'Unmatched ")"' : `Unexpected ${describe(token)}`,
        unmatched ? 'remove it or add the "(" it closes' : 'join comparisons with ; (and) or , (or)',
        [';', 'and', ',', 'or', 'end'],
      );
    }
    return ast;
  }

  private parseOr(): CriteriaAst {
    const children = [this.parseAnd()];
    while (isOr(this.lexer.peek())) {
      this.lexer.next();
      children.push(this.parseAnd());
    }
    return combineCriteria('or', children);
  }

  private parseAnd(): CriteriaAst {
    const children = [this.parsePrimary()];
    while (isAnd(this.lexer.peek())) {
      this.lexer.next();
      children.push(this.parsePrimary());
    }
    return combineCriteria('and', children);
  }

  private parsePrimary(): CriteriaAst {
    const token = this.lexer.next();
    if (token.kind === 'word') return this.parseComparison(token);
    if (token.kind !== '(') {
      this.fail(token, `Expected a field or "(" but found ${describe(token)}`, undefined, ['field', '(']);
    }
    if (++this.depth > criteriaLimits.maxDepth) {
      this.limit(token.offset, `Parentheses are nested deeper than ${criteriaLimits.maxDepth} levels`);
    }
    const inner = this.parseOr();
    const close = this.lexer.next();
    if (close.kind !== ')') {
      this.fail(close, `Expected ")" or a logical operator but found ${describe(close)}`, undefined, [
        ')',
        ';',
        'and',
        ',',
        'or',
      ]);
    }
    this.depth--;
    return inner;
  }

  private parseComparison(selector: Token): CriteriaComparison {
    if (++this.comparisons > criteriaLimits.maxComparisons) {
      this.limit(selector.offset, `More than ${criteriaLimits.maxComparisons} comparisons`);
    }
    const { field, spec } = checkField(this.text, selector.text, selector.offset);
    const token = this.lexer.next();
    if (token.kind !== 'operator') {
      this.fail(
        token,
        `Expected a comparison operator after ${show(selector.text)} but found ${describe(token)}`,
        `one of ${operatorSpellings.join(' ')}`,
        operatorSpellings,
      );
    }
    const operator = checkOperator(this.text, field, spec, token.text, token.offset);
    const open = this.lexer.peek();
    const values = open.kind === '(' ? this.parseList() : [this.parseValue()];
    const listOffset = open.kind === '(' ? open.offset : undefined;
    return {
      type: 'comparison',
      field,
      operator,
      values: checkValues(this.text, field, spec, operator, values, listOffset),
    };
  }

  private parseList(): RawValue[] {
    this.lexer.next(); // "("
    const values = [this.parseValue()];
    for (let token = this.lexer.next(); token.kind !== ')'; token = this.lexer.next()) {
      if (token.kind !== ',') {
        this.fail(token, `Expected "," or ")" in a value list but found ${describe(token)}`, undefined, [
          ',',
          ')',
        ]);
      }
      if (values.length === criteriaLimits.maxListValues) {
        this.limit(
          this.lexer.peek().offset,
          `A value list has more than ${criteriaLimits.maxListValues} values`,
        );
      }
      values.push(this.parseValue());
    }
    return values;
  }

  private parseValue(): RawValue {
    const token = this.lexer.next();
    if (token.kind !== 'word' && token.kind !== 'quoted') {
      const hint = token.kind === 'end' || token.kind === ')' ? 'write "" for an empty value' : undefined;
      this.fail(token, `Expected a value but found ${describe(token)}`, hint, ['value']);
    }
    if (charLength(token.text) > criteriaLimits.maxValueLength) {
      this.limit(token.offset, `Value is longer than ${criteriaLimits.maxValueLength} characters`);
    }
    return { text: token.text, offset: token.offset };
  }

  private fail(token: Token, problem: string, hint: string | undefined, expected: string[]): never {
    throw criteriaError(this.text, {
      code: 'SYNTAX',
      problem,
      offset: token.offset,
      expected,
      ...(hint && { hint }),
    });
  }

  private limit(offset: number, problem: string): never {
    throw criteriaError(this.text, { code: 'LIMIT', problem, offset });
  }
}
