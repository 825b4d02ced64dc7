import type { ApiChild } from '../../api/bench/shared/api-process';
import { cpuSecondsOf } from '../../api/bench/shared/proc-stats';
import { type Summary, summarize } from '../../api/bench/shared/stats';
import { type ApiTime, apiTimeIn } from './api-time';
import { commandMix, signedCommand } from './commands';
import { runOpenLoop } from './open-loop';
import type { SlackSink } from './slack-sink';

/**
 * The API writes its log in blocks of 4 KB (and a timer flush that does not always empty the
 * block): the window's last lines could still be waiting. About 10 KB of /health lines (which
 * the count ignores) push them out.
 */
async function flushApiLog(apiUrl: string): Promise<void> {
  for (let i = 0; i < 30; i++) await (await fetch(`${apiUrl}/health`)).arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 1200));
}

export interface OpenLoopRun {
  label: string;
  rate: number;
  seconds: number;
  sent: number;
  ackFailures: number;
  /** Until the HTTP answer (Slack's 3 s clock). */
  ack: Summary;
  /** Until the reply reached response_url. */
  reply: Summary;
  replyMeanMs: number;
  delivered: number;
  /** How far behind schedule the sender fell at worst (ms). */
  worstLagMs: number;
  /** The API's calls in the window, from its request log (database included with PGlite). */
  api: ApiTime;
  /** CPU seconds per wall second of each process over the window (1 = one core busy). */
  cpu: { bot: number; api: number };
}

/**
 * Signed slash commands at a steady `rate` for `seconds`, each with its own response_url; waits
 * for every reply (30 s at most) and reads the API's log and both processes' CPU for the window.
 */
export async function measureOpenLoop(options: {
  label: string;
  url: string;
  rate: number;
  seconds: number;
  sink: SlackSink;
  conversationIds: string[];
  botPid: number;
  api: ApiChild;
}): Promise<OpenLoopRun> {
  const { sink, label } = options;
  const mix = commandMix(options.conversationIds);
  const cpuBefore = { bot: await cpuSecondsOf(options.botPid), api: await cpuSecondsOf(options.api.pid) };
  const wallStart = performance.now();
  const epochStart = Date.now();
  // Keys become response_url paths: letters, digits and dashes only.
  const keyOf = (i: number) => `open-${label.replace(/[^\w]+/g, '-')}-${i}`;
  const sent = await runOpenLoop({
    url: options.url,
    rate: options.rate,
    seconds: options.seconds,
    next: (i) => {
      const spec = (mix[i % mix.length] as (i: number) => { command: string; text: string })(i);
      return signedCommand(spec, `${sink.url}/response/${keyOf(i)}`, `trigger.${keyOf(i)}`);
    },
  });
  const keys = sent.sentAt.map((_, i) => keyOf(i));
  const delivered = await sink.waitFor(keys, 30_000);
  const wallSeconds = (performance.now() - wallStart) / 1000;
  await flushApiLog(options.api.url);
  const cpuAfter = { bot: await cpuSecondsOf(options.botPid), api: await cpuSecondsOf(options.api.pid) };
  const replies = keys.flatMap((key, i) => {
    const arrived = sink.arrivals.get(key);
    const at = sent.sentAt[i];
    return arrived === undefined || at === undefined ? [] : [arrived - at];
  });
  return {
    label,
    rate: options.rate,
    seconds: options.seconds,
    sent: keys.length,
    ackFailures: sent.failures,
    ack: summarize(sent.latencies),
    reply: summarize(replies),
    replyMeanMs: replies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, replies.length),
    delivered,
    worstLagMs: sent.worstLagMs,
    api: apiTimeIn(options.api.log(), epochStart, Date.now()),
    cpu: {
      bot: (cpuAfter.bot - cpuBefore.bot) / wallSeconds,
      api: (cpuAfter.api - cpuBefore.api) / wallSeconds,
    },
  };
}
