/**
 * Slack sends slash-command text escaped: the characters a user typed as `<`, `>` and `&` arrive as
 * `&lt;`, `&gt;` and `&amp;`, so any literal `<…>` is Slack markup — a user mention
 * `<@U123|name>`, a channel `<#C123|name>` or a link `<https://x|label>`.
 */
const markup = /<([^<>]*)>/g;

/** The text as the user typed it: links become their label (or address), entities are decoded. */
export function decodeSlackText(text: string): string {
  return decodeEntities(
    text.replace(markup, (_whole, inner: string) => {
      const bar = inner.indexOf('|');
      const target = bar === -1 ? inner : inner.slice(0, bar);
      const label = bar === -1 ? undefined : inner.slice(bar + 1);
      if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return `@${label ?? target.slice(1)}`;
      return label ?? target;
    }),
  );
}

export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `<@U123|alice>` or `<@U123>` → `U123`; anything else → undefined. */
export function mentionedUserId(token: string): string | undefined {
  return /^<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>$/.exec(token)?.[1];
}

/** Escapes text for Block Kit mrkdwn, where `&`, `<` and `>` are control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const userMention = /(<@[UW][A-Z0-9]+>)/;

/**
 * Escapes a message the bot wrote itself, keeping the user mentions it put in (`<@U123>`) as
 * mentions: plain escaping would show them as `&lt;@U123&gt;`.
 */
export function escapeMrkdwnKeepingMentions(text: string): string {
  return text
    .split(userMention)
    .map((part) => (userMention.test(part) ? part : escapeMrkdwn(part)))
    .join('');
}
