/**
 * Criteria micro-benchmark (`npm run bench -w @switchboard/core`; not part of the tests).
 * Every figure is the median of several timed runs after a warm-up, so one slow run (GC, JIT)
 * does not decide it. Goals: compiled predicate ≥ 0.5× a hand-written function, and a ~4 KB
 * adversarial input parsed (or refused) well under 10 ms.
 */
import { compilePredicate, isCriteriaError, parseCriteria } from '../src';
import { adversarialInvalid, adversarialValid, benchFacts, predicateCases } from './criteria-inputs';

const runs = 9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Operations per second of `body` (which performs `perCall` operations), median of `runs`. */
const throughput = (body: () => void, perCall = 1, runMs = 100): number => {
  for (let i = 0; i < 200; i++) body(); // warm-up: let the JIT settle
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < runMs) {
      body();
      calls++;
      elapsed = performance.now() - start;
    }
    rates.push((calls * perCall * 1000) / elapsed);
  }
  return median(rates);
};

/** Median milliseconds of a single call. */
const latency = (body: () => void, samples = 51): number => {
  for (let i = 0; i < 20; i++) body();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  return median(times);
};

const parseQuietly = (text: string) => {
  try {
    parseCriteria(text);
  } catch (error) {
    if (!isCriteriaError(error)) throw error;
  }
};

const rows: [string, string, string][] = [];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

for (const { name, criteria } of predicateCases) {
  rows.push([
    `parse: ${name}`,
    `${fmt(throughput(() => parseCriteria(criteria)))} ops/s`,
    `${criteria.length} chars`,
  ]);
}

let sink = 0;
for (const { name, criteria, byHand } of predicateCases) {
  const compiled = compilePredicate(parseCriteria(criteria));
  const expected = benchFacts.filter(byHand).length;
  if (benchFacts.filter(compiled).length !== expected)
    throw new Error(`${name}: hand-written function disagrees`);
  const loop = (predicate: typeof byHand) => () => {
    for (const facts of benchFacts) if (predicate(facts)) sink++;
  };
  const compiledRate = throughput(loop(compiled), benchFacts.length);
  const handRate = throughput(loop(byHand), benchFacts.length);
  rows.push([
    `eval: ${name}`,
    `${fmt(compiledRate)} evals/s`,
    `hand-written ${fmt(handRate)}/s, ratio ${(compiledRate / handRate).toFixed(2)} (${expected}/${benchFacts.length} match)`,
  ]);
}

const maxed = adversarialValid();
rows.push([
  `parse: adversarial valid (${maxed.length} chars)`,
  `${latency(() => parseCriteria(maxed)).toFixed(3)} ms`,
  '64 comparisons, depth 16, 100-value list',
]);
const maxedPredicate = compilePredicate(parseCriteria(maxed));
rows.push([
  'eval: adversarial valid',
  `${fmt(
    throughput(() => {
      for (const f of benchFacts) if (maxedPredicate(f)) sink++;
    }, benchFacts.length),
  )} evals/s`,
  'wildcard-heavy patterns',
]);
for (const { name, text } of adversarialInvalid) {
  rows.push([
    `refuse: ${name}`,
    `${latency(() => parseQuietly(text)).toFixed(3)} ms`,
    `${text.length} chars`,
  ]);
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
console.log(`criteria benchmark — node ${process.version}, medians of ${runs} runs\n`);
console.log(line(['case', 'result', 'notes']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
if (sink < 0) console.log(sink); // keeps the loops' work observable
