/** fast-check runs per property: `FAST_CHECK_RUNS` (test:deep sets 20000), default 500. */
export const fastCheckRuns = (): number => {
  const runs = Number(process.env.FAST_CHECK_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : 500;
};
