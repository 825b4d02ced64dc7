import { type Environment, finishEnvironment } from '../../api/bench/shared/environment';
import type { ScenarioResult } from '../../api/bench/shared/results';
import { median, round } from '../../api/bench/shared/stats';
import type { AckRun } from './measure-acks';
import type { CardRun } from './measure-cards';
import type { OpenLoopRun } from './measure-open-loop';

// Issue 15's goals for the open loop and the live cards.
const replyGoalMs = 500;
const openAckGoalMs = 100;
const saturationReplyMs = 1000;
const cardGoalMs = 1000;

/** The highest rate tried whose reply p99 stayed within 1 s, and the first that crossed it. */
export function saturationOf(steps: OpenLoopRun[]): { held: number; crossed: number | undefined } {
  let held = 0;
  for (const step of steps) {
    if (step.reply.p99 > saturationReplyMs || step.delivered < step.sent) return { held, crossed: step.rate };
    held = step.rate;
  }
  return { held, crossed: undefined };
}

/** Scenario 4's section of the report, from the measured runs. */
export function slackResult(
  runs: AckRun[],
  context: {
    environment: Environment;
    startedAt: Date;
    settings: Record<string, unknown> & {
      commands: number;
      concurrency: number;
      runs: number;
      quick: boolean;
    };
    ephemeralTexts: string[];
    /** The steady open loop (issue 15: 20 commands/s), then the saturation steps. */
    steady: OpenLoopRun;
    saturation: OpenLoopRun[];
    cards: CardRun;
  },
): ScenarioResult {
  const { steady, saturation, cards } = context;
  const crossing = saturationOf(saturation);
  const perCommand = (run: OpenLoopRun, value: number) => round(value / Math.max(1, run.sent));
  const bot = runs.filter((run) => run.kind === 'bot');
  const bare = runs.filter((run) => run.kind === 'bare');
  const ackMedian = (of: AckRun[], pick: 'median' | 'p99') =>
    median(of.map((run) => run.ack.latencyMs[pick]));
  const replies = bot.flatMap((run) => (run.reply ? [run.reply] : []));
  const { commands, concurrency } = context.settings;
  return {
    id: 'slack-ack',
    title: '4. Slack: slash command ack and reply latency, live cards',
    startedAt: context.startedAt.toISOString(),
    durationSeconds: (Date.now() - context.startedAt.getTime()) / 1000,
    environment: finishEnvironment(context.environment),
    settings: context.settings,
    method: [
      `${commands} signed slash commands per run (v0 HMAC signature, current timestamp, unique trigger_id), ${concurrency} in flight, keep-alive; a mix of /conv list, /conv show, /group list, /group show and help.`,
      'The bot runs in its own process (apps/slackbot `startSlackbot`, Bolt HTTP receiver, LOG_LEVEL=info), calling the real API (`node --import tsx src/main.ts`, PGlite) in another; a sink in the benchmark process stands in for Slack (response_url and Web API).',
      'Ack latency: until the HTTP answer to the command, which is what Slack times (3 s). Reply latency: until the reply reaches response_url, after the API calls.',
      "Baseline: a bare node:http process answering 200 to the same requests. Figures are medians over runs of each run's percentile; runs alternate which target goes first.",
      `Open loop (issue 15): the same mix sent at a steady ${steady.rate} commands/s for ${steady.seconds} s, each command leaving on schedule whatever the bot answers (as Slack delivers a busy workspace's commands), so a slow reply queues the ones behind it instead of slowing the sender. Ack and reply p99 over every command of the run.`,
      `Saturation: rates ${saturation.map((step) => step.rate).join(', ')} commands/s, ${saturation[0]?.seconds ?? 0} s each, until reply p99 crosses 1 s (or a reply is lost); the figure is the highest rate that stayed within 1 s.`,
      "Where the time goes: the API's own request log (pino-http responseTime of each /trpc call in the window; with PGlite the database runs inside the API process, so its share is in the API's), and the CPU seconds per wall second of the bot and API processes (/proc). Bot time per command ≈ reply latency − the API time it waited for.",
      `Change → card: a channel watches a group of ${cards.cards} conversations (one card each); their topics change round-robin at ${cards.rate} changes/s for ${cards.seconds} s through the API, and each change is timed until a chat.update of its card shows it (the bot coalesces a card's changes for SLACK_CARD_COALESCE_MS, default 250 ms).`,
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
        name: 'Bot reply at response_url, p99 (closed loop)',
        value: median(replies.map((reply) => reply.latencyMs.p99)),
        unit: 'ms',
        better: 'lower',
      },
      {
        name: `Reply at response_url p99, open loop ${steady.rate}/s`,
        value: steady.reply.p99,
        unit: 'ms',
        better: 'lower',
        goal: {
          text: `p99 ≤ ${replyGoalMs} ms`,
          met: steady.reply.p99 <= replyGoalMs && steady.delivered === steady.sent,
        },
      },
      {
        name: `Ack p99, open loop ${steady.rate}/s`,
        value: steady.ack.p99,
        unit: 'ms',
        better: 'lower',
        goal: {
          text: `p99 ≤ ${openAckGoalMs} ms`,
          met: steady.ack.p99 <= openAckGoalMs && steady.ackFailures === 0,
        },
      },
      {
        name: 'Saturation: highest rate with reply p99 ≤ 1 s',
        value: crossing.held,
        unit: 'commands/s',
        better: 'higher',
      },
      {
        name: `Change → card updated p99, ${cards.rate} changes/s`,
        value: cards.latency.p99,
        unit: 'ms',
        better: 'lower',
        goal: {
          text: `p99 ≤ ${cardGoalMs} ms`,
          met: cards.latency.p99 <= cardGoalMs && cards.shown === cards.changes,
        },
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
      {
        title: 'Open loop: steady rate, then saturation steps (where the time goes)',
        columns: [
          'Run',
          'Commands/s',
          'Sent',
          'Ack p50 / p99 ms',
          'Reply p50 / p99 ms',
          'Replies delivered',
          'Sender lag ms (worst)',
          'API calls per command',
          'API ms per command',
          'Bot and queueing ms per command (≈ mean reply − API)',
          'Bot CPU',
          'API + database CPU',
        ],
        rows: [steady, ...saturation].map((run) => [
          run.label,
          run.rate,
          run.sent,
          `${round(run.ack.median)} / ${round(run.ack.p99)}`,
          `${round(run.reply.median)} / ${round(run.reply.p99)}`,
          `${run.delivered} of ${run.sent}`,
          round(run.worstLagMs),
          perCommand(run, run.api.calls),
          perCommand(run, run.api.totalMs),
          round(Math.max(0, run.replyMeanMs - run.api.totalMs / Math.max(1, run.sent))),
          round(run.cpu.bot),
          round(run.cpu.api),
        ]),
        note: 'CPU is seconds per wall second (1 = one core busy). API ms per command sums the API calls a command made (some run in parallel); the rest of a reply’s time is the bot’s work and the wait in its queue.',
      },
      {
        title: 'Change → card updated',
        columns: ['Cards', 'Changes/s', 'Changes', 'Shown on the card', 'p50 / p99 ms', 'max ms'],
        rows: [
          [
            cards.cards,
            cards.rate,
            cards.changes,
            cards.shown,
            `${round(cards.latency.median)} / ${round(cards.latency.p99)}`,
            round(cards.latency.max),
          ],
        ],
      },
    ],
    notes: [
      crossing.crossed === undefined
        ? `Reply p99 stayed within 1 s at every rate tried (up to ${crossing.held} commands/s): saturation is above that.`
        : `Reply p99 crossed 1 s (or a reply was lost) at ${crossing.crossed} commands/s.`,
      ...context.ephemeralTexts.map((text) => `An ephemeral reply (help or an error): "${text}"`),
    ],
    data: { runs, steady, saturation, cards },
  };
}
