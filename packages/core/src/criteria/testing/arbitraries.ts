import fc from 'fast-check';
import type { ConversationFacts } from '../../conversation/types';
import { conversationStatuses, priorities } from '../../conversation/types';
import {
  type CriteriaAst,
  type CriteriaComparison,
  combineCriteria,
  countComparisons,
  listOperators,
} from '../ast';
import { type FieldSpec, fieldCatalogue } from '../fields';
import { criteriaLimits } from '../limits';
import { parseRelativeInstant } from '../relative';
import { criteriaPools as pools, relativeOffsetMinutes, textAlphabet } from './pools';

/**
 * fast-check arbitraries for criteria and conversations. Every AST generated is canonical and
 * within limits, so `parseCriteria(printCriteria(ast))` must give it back; conversations draw
 * from the same pools so the criteria match some of them. The db package imports this file by
 * relative path to check that the SQL compiler agrees with `compilePredicate` on PGlite.
 */
const randomText = (minLength = 0) =>
  fc.string({ unit: fc.constantFrom(...textAlphabet), minLength, maxLength: 10 });
const fromPool = (pool: readonly string[], random = randomText()) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: random });

/** A pool value with a random slice replaced by `*`, so wildcard patterns often match. */
const pattern = (pool: readonly string[]) =>
  fc.oneof(
    fromPool(pool),
    fc.tuple(fc.constantFrom(...pool), fc.nat(), fc.nat()).map(([text, a, b]) => {
      const chars = [...text]; // by code point, so a pair like 😀 is never split
      return `${chars.slice(0, a % (chars.length + 1)).join('')}*${chars.slice(b % (chars.length + 1)).join('')}`;
    }),
  );

const poolFor = (spec: FieldSpec): readonly string[] => {
  switch (spec.name) {
    case 'id':
      return pools.ids;
    case 'workspaceId':
      return pools.workspaceIds;
    case 'spaceId':
      return pools.spaceIds;
    case 'queueId':
      return pools.queueIds;
    case 'agentId':
      return pools.agentIds;
    case 'channel':
      return pools.channels;
  }
  return spec.kind === 'set' ? pools.names : [...pools.texts, ...pools.moreTexts];
};

const valueArbitrary = (spec: FieldSpec, wildcards: boolean): fc.Arbitrary<string> => {
  if (spec.values) return fc.constantFrom(...spec.values);
  if (spec.kind === 'instant')
    return fc.oneof(
      fc.constantFrom(...pools.instants).map((ms) => new Date(ms).toISOString()),
      relativeInstantArbitrary,
    );
  return wildcards && spec.wildcards ? pattern(poolFor(spec)) : fromPool(poolFor(spec));
};

/** `now`, `now-PT4H`, `now+P1D`… in canonical form (short or ISO spelling, as a user would write). */
export const relativeInstantArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...relativeOffsetMinutes), fc.constantFrom('-', '+'), fc.boolean())
  .map(([minutes, sign, shortForm]) => {
    const written = minutes === 0 ? 'now' : `now${sign}${shortForm ? `${minutes}m` : `PT${minutes}M`}`;
    const parsed = parseRelativeInstant(written);
    if (!parsed.ok) throw new Error(`bad relative instant ${written}: ${parsed.reason}`);
    return parsed.canonical;
  });

/** A clock (epoch ms) at which some relative instants land on, or 1 ms beside, the pool's instants. */
export const clockArbitrary: fc.Arbitrary<number> = fc
  .tuple(
    fc.constantFrom(...pools.instants),
    fc.constantFrom(...relativeOffsetMinutes),
    fc.constantFrom(-1, 0, 1),
  )
  .map(([instant, minutes, nudge]) => instant + minutes * 60_000 + nudge);

export const comparisonArbitrary: fc.Arbitrary<CriteriaComparison> = fc
  .constantFrom(...fieldCatalogue)
  .chain((spec) =>
    fc
      .record({
        field:
          spec.kind === 'metadata'
            ? fc.constantFrom(...pools.metadataKeys).map((k) => `metadata.${k}`)
            : fc.constant(spec.name),
        operator: fc.constantFrom(...spec.operators),
      })
      .chain(({ field, operator }) =>
        (listOperators.includes(operator)
          ? fc.array(valueArbitrary(spec, false), { minLength: 1, maxLength: 4 })
          : valueArbitrary(spec, true).map((value) => [value])
        ).map((values): CriteriaComparison => ({ type: 'comparison', field, operator, values })),
      ),
  );

/** Canonical ASTs up to `maxDepth` logic levels, within the comparison limit. */
export const criteriaAstArbitrary = (maxDepth = 4): fc.Arbitrary<CriteriaAst> => {
  const { tree } = fc.letrec<{ tree: CriteriaAst; logic: CriteriaAst }>((tie) => ({
    tree: fc.oneof(
      { maxDepth, depthSize: 'small', withCrossShrink: true },
      comparisonArbitrary,
      tie('logic'),
    ),
    logic: fc
      .tuple(
        fc.constantFrom('and' as const, 'or' as const),
        fc.array(tie('tree'), { minLength: 2, maxLength: 4 }),
      )
      .map(([type, children]) => combineCriteria(type, children)),
  }));
  return tree.filter((ast) => countComparisons(ast) <= criteriaLimits.maxComparisons);
};

const instantFact = fc
  .tuple(fc.constantFrom(...pools.instants), fc.constantFrom(-1, 0, 0, 1))
  .map(([ms, delta]) => new Date(ms + delta));
const names = fc.uniqueArray(fromPool(pools.names, randomText(1)), { maxLength: 4 });
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const text = fromPool([...pools.texts, ...pools.moreTexts]);

/** Conversations as `compilePredicate` sees them; every value is storable in the database. */
export const conversationFactsArbitrary: fc.Arbitrary<ConversationFacts> = fc.record({
  id: fc.constantFrom(...pools.ids),
  topic: nullable(text),
  summary: nullable(text),
  status: fc.constantFrom(...conversationStatuses),
  priority: fc.constantFrom(...priorities),
  channel: fc.constantFrom(...pools.channels),
  queueId: nullable(fc.constantFrom(...pools.queueIds)),
  agentId: nullable(fc.constantFrom(...pools.agentIds)),
  workspaceId: fc.constantFrom(...pools.workspaceIds),
  spaceId: nullable(fc.constantFrom(...pools.spaceIds)),
  createdAt: instantFact,
  updatedAt: instantFact,
  closedAt: nullable(instantFact),
  metadata: fc.dictionary(fc.constantFrom(...pools.metadataKeys), text, { maxKeys: 4 }),
  tags: names,
  trackers: names,
  entities: names,
});
