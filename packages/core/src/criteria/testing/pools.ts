import { knownChannels } from '../../conversation/types';

/**
 * Small value pools shared by the criteria and the conversation arbitraries, so random
 * criteria actually match random conversations often enough to be interesting. Every string
 * here can be stored in PostgreSQL (no NUL, no lone surrogates). The id pools name the rows a
 * database-side test must create first (workspaces, spaces, queues, agents).
 */
export const criteriaPools = {
  ids: ['c1', 'c2', 'a*b', 'x_1'],
  workspaceIds: ['ws1', 'ws2'],
  spaceIds: ['space-1', 'space-2'],
  queueIds: ['q-sales', 'q-support'],
  agentIds: ['agent-1', 'agent-2'],
  channels: [...knownChannels, 'custom channel'],
  metadataKeys: ['agentId', 'customerId', 'type', 'team.name', 'constructor', 'é'],
  names: ['vip', 'vip-gold', 'billing', 'sales call', 'a,b', '*', '100%', 'pricing', 'Acme'],
  texts: [
    'johndoe',
    'janedoe',
    '88338833',
    '',
    'a',
    'A',
    'a b',
    'x*y',
    '50%_off',
    'C:\\dir',
    'say "hi"',
    "it's",
  ],
  moreTexts: ['and', 'or', 'é', '😀 smile', 'line\nbreak', '(x)', 'a;b', 'k=v', '!', '~', '<>'],
  /** Milliseconds since the epoch; conversations use these ± 1 ms to exercise boundaries. */
  instants: [
    Date.UTC(2024, 0, 1),
    Date.UTC(2024, 0, 1, 0, 0, 0, 1),
    Date.UTC(2024, 2, 15, 12, 30),
    Date.UTC(2024, 5, 30, 23, 59, 59, 999),
    Date.UTC(1999, 11, 31, 23, 0),
    Date.UTC(2038, 0, 19, 3, 14, 7),
  ],
};

/**
 * Offsets of relative instants (`now-PT4H`), in minutes; the property test picks its clock as a
 * pool instant plus one of these (± 1 ms), so `now - offset` lands on and beside stored instants.
 */
export const relativeOffsetMinutes = [0, 30, 240, 1440, 2160, 43_200];

/** Characters random text is built from: reserved RSQL characters, LIKE specials, non-ASCII. */
export const textAlphabet = [
  'a',
  'b',
  'A',
  'z',
  '0',
  ' ',
  '*',
  '%',
  '_',
  '\\',
  '"',
  "'",
  '(',
  ')',
  ';',
  ',',
  '=',
  '!',
  '<',
  '>',
  '~',
  '.',
  '-',
  ':',
  '\n',
  '\t',
  'é',
  'ß',
  '😀',
  '中',
];
