import { type Environment, finishEnvironment } from '../../api/bench/shared/environment';
import type { ScenarioResult } from '../../api/bench/shared/results';
import { median, round } from '../../api/bench/shared/stats';
import type { AckRun } from './measure-acks';

/** Scenario 4's section of the report, from the measured runs. */
export function slackResult(
  runs: AckRun[],
  context: {
    environment: Environment;
    startedAt: Date;
    settings: { commands: number; concurrency: number; runs: number; quick: boolean };
    ephemeralTexts: string[];
  },
): ScenarioResult {
  const bot = runs.filter((run) => run.kind === 'bot');
  const bare = runs.filter((run) => run.kind === 'bare');
  const ackMedian = (of: AckRun[], pick: 'median' | 'p99') =>
    median(of.map((run) => run.ack.latencyMs[pick]));
  const replies = bot.flatMap((run) => (run.reply ? [run.reply] : []));
  const { commands, concurrency } = context.settings;
  return {
    id: 'slack-ack',
    title: '4. Slack: slash command ack latency',
    startedAt: context.startedAt.toISOString(),
    durationSeconds: (Date.now() - context.startedAt.getTime()) / 1000,
    environment: finishEnvironment(context.environment),
    settings: context.settings,
    method: [
      `${commands} signed slash commands per run (v0 HMAC signature, current timestamp, unique trigger_id), ${concurrency} in flight, keep-alive; a mix of /conv list, /conv show, /group list, /group show and help.`,
      'The bot runs in its own process (apps/slackbot `startSlackbot`, Bolt HTTP receiver, LOG_LEVEL=info), calling the real API (`node --import tsx src/main.ts`, PGlite) in another; a sink in the benchmark process stands in for Slack (response_url and Web API).',
      'Ack latency: until the HTTP answer to the command, which is what Slack times (3 s). Reply latency: until the reply reaches response_url, after the API calls.',
      "Baseline: a bare node:http process answering 200 to the same requests. Figures are medians over runs of each run's percentile; runs alternate which target goes first.",
    ],
    figures: [
      {
        name: 'Bot ack latency p99',
        value: ackMedian(bot, 'p99'),
        unit: 'ms',
        better: 'lower',
        baseline: { name: 'bare node:http 200', value: ackMedian(bare, 'p99') },
        goal: { text: 'p99 ≤ 300 ms', met: ackMedian(bot, 'p99') <= 300 },
      },
      {
        name: 'Bot ack latency p50',
        value: ackMedian(bot, 'median'),
        unit: 'ms',
        better: 'lower',
        baseline: { name: 'bare node:http 200', value: ackMedian(bare, 'median') },
      },
      {
        name: 'Bot reply at response_url, p99',
        value: median(replies.map((reply) => reply.latencyMs.p99)),
        unit: 'ms',
        better: 'lower',
      },
    ],
    tables: [
      {
        title: 'Runs',
        columns: [
          'Target',
          'Run',
          'Ack p50 / p99 ms',
          'Acks/s',
          'Failed acks',
          'Replies delivered',
          'Ephemeral replies',
          'Reply p50 / p99 ms',
          'Generator CPU',
        ],
        rows: runs.map((run) => [
          run.kind === 'bot' ? 'bot' : 'bare node:http',
          run.run + 1,
          `${round(run.ack.latencyMs.median)} / ${round(run.ack.latencyMs.p99)}`,
          round(run.ack.requestsPerSecond),
          run.ack.failures,
          run.reply ? `${run.reply.delivered} of ${run.ack.requests}` : '',
          run.reply ? run.reply.ephemeral : '',
          run.reply ? `${round(run.reply.latencyMs.median)} / ${round(run.reply.latencyMs.p99)}` : '',
          round(run.ack.generatorCpu),
        ]),
      },
    ],
    notes: context.ephemeralTexts.map((text) => `An ephemeral reply (help or an error): "${text}"`),
    data: { runs },
  };
}
