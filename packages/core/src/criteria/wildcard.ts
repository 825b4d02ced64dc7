/**
 * Wildcards in `==` / `!=` values of text, metadata and set fields: `*` matches any sequence of
 * characters, including none and including line breaks. Every other character is literal, so
 * `?`, `%`, `_` and `\` mean themselves. There is no escape for a literal `*` in `==` / `!=`:
 * `=in=` / `=out=` always compare exactly, so `topic=in=("5*")` matches the text `5*`.
 * Matching is case-sensitive, like SQL `=` and `LIKE`.
 */
export const wildcardCharacter = '*';

export const hasWildcard = (value: string): boolean => value.includes(wildcardCharacter);

/**
 * The SQL `LIKE` pattern with the same meaning. Use it as `column LIKE $1 ESCAPE '\'` (always
 * as a bound parameter): `\`, `%` and `_` are escaped with `\`, and `*` becomes `%`.
 */
export const wildcardToLike = (value: string): string =>
  value.replace(/[\\%_]/g, (char) => `\\${char}`).replaceAll(wildcardCharacter, '%');

/** A RegExp with the same meaning, anchored at both ends (for tools that want one). */
export const wildcardToRegExp = (value: string): RegExp =>
  new RegExp(
    `^${value
      .split(wildcardCharacter)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('[\\s\\S]*')}$`,
  );

/**
 * A matcher built once per value. Plain equality, prefix, suffix and infix patterns use the
 * string built-ins; the general case matches the pieces between `*` left to right, which is
 * exact for `*`-only globs (taking the leftmost match of each piece never loses a match).
 */
export const compileWildcard = (pattern: string): ((text: string) => boolean) => {
  const parts = pattern.split(wildcardCharacter);
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return (text) => text === pattern;
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  if (middle.length === 0) {
    if (first === '' && last === '') return () => true;
    if (last === '') return (text) => text.startsWith(first);
    if (first === '') return (text) => text.endsWith(last);
  } else if (middle.length === 1 && first === '' && last === '') {
    const [only = ''] = middle;
    return (text) => text.includes(only);
  }
  const fixed = first.length + last.length;
  return (text) => {
    if (text.length < fixed || !text.startsWith(first) || !text.endsWith(last)) return false;
    const end = text.length - last.length;
    let position = first.length;
    for (const part of middle) {
      const found = text.indexOf(part, position);
      if (found === -1 || found + part.length > end) return false;
      position = found + part.length;
    }
    return true;
  };
};

export const matchWildcard = (pattern: string, text: string): boolean => compileWildcard(pattern)(text);
