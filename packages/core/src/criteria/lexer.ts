import { criteriaError, show } from './errors';

/**
 * Splits criteria text into tokens, one at a time, each with its offset so every error can
 * point at the character that caused it. Reserved characters follow RSQL (and `@rsql/parser`):
 * `" ' ( ) ; , = ! ~ < >` and the whitespace ` \t\n\r`; everything else forms unquoted words.
 */
export type Token =
  | { kind: 'word'; text: string; offset: number }
  | { kind: 'quoted'; text: string; offset: number }
  | { kind: 'operator'; text: string; offset: number }
  | { kind: '(' | ')' | ';' | ',' | 'end'; text: string; offset: number };

const reservedChars = '"\'();,=!~<> \t\n\r';
const reserved = new Uint8Array(128);
for (const char of reservedChars) reserved[char.charCodeAt(0)] = 1;

export const isReservedChar = (code: number): boolean => code < 128 && reserved[code] === 1;
const isWhitespace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;
const isLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

export const operatorSpellings = [
  '==',
  '!=',
  '=lt=',
  '<',
  '=le=',
  '<=',
  '=gt=',
  '>',
  '=ge=',
  '>=',
  '=in=',
  '=out=',
];

export class Lexer {
  private position = 0;
  private lookahead: Token | undefined;

  constructor(private readonly text: string) {}

  peek(): Token {
    this.lookahead ??= this.scan();
    return this.lookahead;
  }

  next(): Token {
    const token = this.peek();
    this.lookahead = undefined;
    return token;
  }

  private scan(): Token {
    const { text } = this;
    while (this.position < text.length && isWhitespace(text.charCodeAt(this.position))) this.position++;
    const offset = this.position;
    if (offset >= text.length) return { kind: 'end', text: '', offset };
    const char = text.charAt(offset);
    switch (char) {
      case '(':
      case ')':
      case ';':
      case ',':
        this.position++;
        return { kind: char, text: char, offset };
      case '"':
      case "'":
        return this.scanQuoted(char, offset);
      case '=':
      case '!':
      case '<':
      case '>':
      case '~':
        return this.scanOperator(offset);
    }
    let end = offset + 1;
    while (end < text.length && !isReservedChar(text.charCodeAt(end))) end++;
    this.position = end;
    return { kind: 'word', text: text.slice(offset, end), offset };
  }

  /** `\x` stands for `x` inside quotes (so `\"`, `\'` and `\\`), as in `@rsql/parser`. */
  private scanQuoted(quote: string, offset: number): Token {
    const { text } = this;
    let value = '';
    let chunkStart = offset + 1;
    for (let i = offset + 1; i < text.length; i++) {
      const char = text.charAt(i);
      if (char === '\\' && i + 1 < text.length) {
        value += text.slice(chunkStart, i);
        chunkStart = i + 1; // the escaped character starts the next chunk
        i++;
      } else if (char === quote) {
        this.position = i + 1;
        return { kind: 'quoted', text: value + text.slice(chunkStart, i), offset };
      }
    }
    throw criteriaError(text, {
      code: 'SYNTAX',
      problem: `Unclosed quote ${quote}`,
      offset,
      hint: `end the value with ${quote} (write \\${quote} for a ${quote} inside it)`,
      expected: [quote],
    });
  }

  private scanOperator(offset: number): Token {
    const { text } = this;
    const two = text.slice(offset, offset + 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
      this.position = offset + 2;
      return { kind: 'operator', text: two, offset };
    }
    const first = text.charAt(offset);
    if (first === '<' || first === '>') {
      this.position = offset + 1;
      return { kind: 'operator', text: first, offset };
    }
    if (first === '=') {
      // FIQL-style named operator `=name=`; the checker decides whether the name is known.
      let end = offset + 1;
      while (end < text.length && isLetter(text.charCodeAt(end))) end++;
      if (end > offset + 1 && text.charAt(end) === '=') {
        this.position = end + 1;
        return { kind: 'operator', text: text.slice(offset, end + 1), offset };
      }
    }
    throw criteriaError(text, {
      code: 'SYNTAX',
      problem: `Unexpected ${show(first)}`,
      offset,
      hint:
        first === '='
          ? 'did you mean "=="?'
          : `expected a comparison operator: ${operatorSpellings.join(' ')}`,
      expected: operatorSpellings,
    });
  }
}
