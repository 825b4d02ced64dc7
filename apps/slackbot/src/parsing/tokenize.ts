import { decodeEntities, decodeSlackText } from './slack-text';

/** One whitespace-separated word of a command, quotes honoured. Offsets index the raw text. */
export interface Token {
  /** Exactly as Slack sent it (still escaped, quotes kept). */
  raw: string;
  /** What the user meant: quotes removed, `\x` → `x` inside quotes, entities decoded. */
  value: string;
  start: number;
  end: number;
  /** True when some part was quoted, so `"list"` is a value, never a subcommand. */
  quoted: boolean;
}

export class CommandSyntaxError extends Error {
  override readonly name = 'CommandSyntaxError';
}

// Slack clients may turn straight quotes into typographic ones while the user types.
const closingQuote: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '’': '’' };

const isSpace = (char: string) => /\s/.test(char);

/** Splits command text into tokens; `"a b"`, `'a b'`, `key="a b"` and `<@U1|a b>` stay whole. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quoted = false;
    while (i < text.length && !isSpace(text.charAt(i))) {
      const char = text.charAt(i);
      const close = closingQuote[char];
      if (close !== undefined) {
        const end = findClosingQuote(text, i + 1, close);
        if (end === -1)
          throw new CommandSyntaxError(`Unclosed quote ${char} at column ${i + 1}; close it with ${close}.`);
        value += unescapeQuoted(text.slice(i + 1, end));
        quoted = true;
        i = end + 1;
      } else if (char === '<') {
        // Slack markup (mention, channel, link) may contain spaces in its label.
        const end = text.indexOf('>', i);
        const stop = end === -1 ? text.length : end + 1;
        value += text.slice(i, stop);
        i = stop;
      } else {
        value += char;
        i++;
      }
    }
    const raw = text.slice(start, i);
    tokens.push({ raw, value: raw.startsWith('<') ? raw : decodeValue(value), start, end: i, quoted });
  }
  return tokens;
}

function findClosingQuote(text: string, from: number, close: string): number {
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\') i++;
    else if (char === close || (close === '”' && char === '"') || (close === '’' && char === "'")) return i;
  }
  return -1;
}

const unescapeQuoted = (inner: string) => inner.replace(/\\(.)/gs, '$1');

// A link pasted inside a word (`topic=<https://x|x>`) still means its label.
const decodeValue = (value: string) => (value.includes('<') ? decodeSlackText(value) : decodeEntities(value));

/** The criteria text between two tokens as the user typed it (typographic quotes straightened). */
export function rawBetween(text: string, first: Token, last: Token): string {
  return straightenQuotes(decodeSlackText(text.slice(first.start, last.end)));
}

export const straightenQuotes = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
