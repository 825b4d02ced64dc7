import { type LoadResult, runLoad } from '../../api/bench/shared/load';
import { type Summary, summarize } from '../../api/bench/shared/stats';
import { commandMix, signedCommand } from './commands';
import type { SlackSink } from './slack-sink';

export interface AckRun {
  kind: 'bot' | 'bare';
  run: number;
  /** HTTP answer to each signed command: what Slack waits for (3 s at most). */
  ack: LoadResult;
  /** Bot only: from sending the command to its reply arriving at response_url. */
  reply?: { delivered: number; ephemeral: number; latencyMs: Summary } | undefined;
}

/** One run: `commands` signed slash commands, `concurrency` in flight, each with its own response_url. */
export async function measureAcks(options: {
  url: string;
  kind: 'bot' | 'bare';
  run: number;
  commands: number;
  concurrency: number;
  sink: SlackSink;
  conversationIds: string[];
}): Promise<AckRun> {
  const { sink } = options;
  const mix = commandMix(options.conversationIds);
  const sentAt = new Map<string, number>();
  const ephemeralBefore = sink.ephemeral;
  const ack = await runLoad({
    url: options.url,
    connections: options.concurrency,
    total: options.commands,
    next: (i) => {
      const key = `${options.kind}-${options.run}-${i}`;
      sentAt.set(key, performance.now());
      const spec = (mix[i % mix.length] as (i: number) => { command: string; text: string })(i);
      return signedCommand(spec, `${sink.url}/response/${key}`, `trigger.${key}`);
    },
  });
  if (options.kind === 'bare') return { kind: options.kind, run: options.run, ack };
  const keys = [...sentAt.keys()];
  const delivered = await sink.waitFor(keys, 30_000);
  const latencies = keys.flatMap((key) => {
    const arrived = sink.arrivals.get(key);
    const sent = sentAt.get(key);
    return arrived === undefined || sent === undefined ? [] : [arrived - sent];
  });
  return {
    kind: options.kind,
    run: options.run,
    ack,
    reply: { delivered, ephemeral: sink.ephemeral - ephemeralBefore, latencyMs: summarize(latencies) },
  };
}
