import fc from 'fast-check';
import { type ConversationFacts, priorities } from '../src';
import { conversationFactsArbitrary } from '../src/criteria/testing/arbitraries';

/** Conversations to evaluate, the same in every run (fixed seed). */
export const benchFacts: ConversationFacts[] = fc.sample(conversationFactsArbitrary, {
  numRuns: 1000,
  seed: 42,
});

const rank = (priority: string) => (priorities as readonly string[]).indexOf(priority);
const jan2024 = Date.parse('2024-01-01T00:00:00Z');

/** Each criteria beside the function a developer would write by hand for it. */
export const predicateCases: {
  name: string;
  criteria: string;
  byHand: (facts: ConversationFacts) => boolean;
}[] = [
  {
    name: 'Symbl metadata pair',
    criteria: 'conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833',
    byHand: (f) => f.metadata.agentId === 'johndoe' && f.metadata.customerId === '88338833',
  },
  {
    name: 'status/priority/tags/time',
    criteria:
      'status=in=(OPEN,WAITING);priority>=HIGH;(tags==vip*,metadata.type==johndoe);createdAt>2024-01-01T00:00:00Z',
    byHand: (f) =>
      (f.status === 'OPEN' || f.status === 'WAITING') &&
      rank(f.priority) >= 2 &&
      (f.tags.some((tag) => tag.startsWith('vip')) || f.metadata.type === 'johndoe') &&
      f.createdAt.getTime() > jan2024,
  },
  {
    name: 'nulls and negations',
    criteria: 'closedAt!=2024-01-01T00:00:00Z,agentId==agent-*;tags=out=(vip,billing),topic==*a*',
    byHand: (f) =>
      f.closedAt?.getTime() !== jan2024 ||
      (f.agentId?.startsWith('agent-') === true &&
        !f.tags.some((tag) => tag === 'vip' || tag === 'billing')) ||
      f.topic?.includes('a') === true,
  },
];

/** Valid criteria at every limit at once: 64 comparisons, depth 16, a 100-value list, just under 4 KB. */
export const adversarialValid = (): string => {
  const list = `id=in=(${Array.from({ length: 100 }, (_, i) => `v${i}`).join(',')})`;
  const nested = `${'('.repeat(16)}${list}${')'.repeat(16)}`;
  // Wildcard-heavy values, as long as the 4096-character budget allows.
  const build = (length: number) =>
    [
      nested,
      ...Array.from({ length: 63 }, (_, i) => `metadata.k${i}==${'*a'.repeat(64).slice(0, length)}`),
    ].join(';');
  let length = 1;
  while (length < 128 && build(length + 1).length <= 4096) length++;
  return build(length);
};

/** Invalid ~4 KB inputs that make the parser work before it can refuse them. */
export const adversarialInvalid: { name: string; text: string }[] = [
  { name: '4 KB of "("', text: '('.repeat(4096) },
  { name: 'unclosed quote, 4 KB', text: `topic=="${'\\a'.repeat(2040)}` },
  {
    name: '63 comparisons then a typo',
    text: `${Array.from({ length: 63 }, (_, i) => `metadata.k${i}==value${i}`).join(';')};agnetId==x`,
  },
  { name: '4 KB field name', text: `${'f'.repeat(4090)}==x` },
  { name: '4 KB dotted near-miss field', text: `${'conversaton.'.repeat(340)}x==1` },
  { name: '65 comparisons', text: Array.from({ length: 65 }, (_, i) => `tags==t${i}`).join(' and ') },
];
