/**
 * `npm run bench -w @switchboard/slackbot`: scenario 4 of issues 6 and 15. Signed slash commands
 * at a fixed concurrency against the real bot (its own process, calling the real API on PGlite in
 * another), and the same requests against a bare node:http server that only answers 200; then
 * an open loop at a steady rate, rising rates until replies take over 1 s, and change → card
 * updated for watched conversations (issue 15).
 * Writes bench/results/slack-ack.json through the API package's shared report writer.
 */
import { fileURLToPath } from 'node:url';
import { type ApiChild, benchApiKey, startApi } from '../../api/bench/shared/api-process';
import { config } from '../../api/bench/shared/config';
import { captureEnvironment } from '../../api/bench/shared/environment';
import { cleanUpOnInterrupt } from '../../api/bench/shared/interrupt';
import { type Child, readyPort, spawnTs } from '../../api/bench/shared/processes';
import { printScenario, saveScenario } from '../../api/bench/shared/report';
import { makeTempDir, removeTempDir } from '../../api/bench/shared/temp-dir';
import { benchSigningSecret } from './commands';
import { type AckRun, measureAcks } from './measure-acks';
import { measureCardUpdates } from './measure-cards';
import { measureOpenLoop, type OpenLoopRun } from './measure-open-loop';
import { slackResult } from './result';
import { setUpWorkspace } from './setup';
import { startSlackSink } from './slack-sink';

const slackbotDirectory = fileURLToPath(new URL('..', import.meta.url));
cleanUpOnInterrupt();
const log = (line: string) => process.stdout.write(`${line}\n`);

const environment = captureEnvironment();
const startedAt = new Date();
const { commands, concurrency, runs, rate, seconds, saturationRates, stepSeconds, cards, changeRate } =
  config.slack;
const dataDir = await makeTempDir('slack');
const sink = await startSlackSink();
let api: ApiChild | undefined;
let bot: Child | undefined;
let bare: Child | undefined;
let failed = false;
try {
  log(`Slack ack latency: ${commands} commands at concurrency ${concurrency}, ${runs} runs`);
  api = await startApi({ DATA_DIR: dataDir });
  const conversationIds = await setUpWorkspace(api.url);
  bot = spawnTs('bench/bot-process.ts', {
    cwd: slackbotDirectory,
    env: {
      SLACK_SIGNING_SECRET: benchSigningSecret,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: `${sink.url}/api`,
      SLACKBOT_PORT: '0',
      SWITCHBOARD_API_URL: api.url,
      SWITCHBOARD_API_KEY: benchApiKey,
      LOG_LEVEL: 'info',
    },
  });
  bare = spawnTs('bench/bare-ack-server.ts', { cwd: slackbotDirectory, env: { PORT: '0' } });
  const targets = {
    bot: `http://127.0.0.1:${await readyPort(bot)}`,
    bare: `http://127.0.0.1:${await readyPort(bare)}`,
  };
  const measured: AckRun[] = [];
  // Warm-up (not recorded): JIT, connection pools, the bot's first auth.test.
  await measureAcks({
    url: targets.bot,
    kind: 'bot',
    run: -1,
    commands: 40,
    concurrency,
    sink,
    conversationIds,
  });
  await measureAcks({
    url: targets.bare,
    kind: 'bare',
    run: -1,
    commands: 40,
    concurrency,
    sink,
    conversationIds,
  });
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so neither always meets the machine in the same state.
    const order: ('bot' | 'bare')[] = run % 2 === 0 ? ['bot', 'bare'] : ['bare', 'bot'];
    for (const kind of order) {
      measured.push(
        await measureAcks({ url: targets[kind], kind, run, commands, concurrency, sink, conversationIds }),
      );
    }
    log(`  run ${run + 1}/${runs} done`);
  }
  const openLoop = (label: string, at: number, forSeconds: number) =>
    measureOpenLoop({
      label,
      url: targets.bot,
      rate: at,
      seconds: forSeconds,
      sink,
      conversationIds,
      botPid: (bot as Child).pid,
      api: api as ApiChild,
    });
  log(`Open loop: ${rate} commands/s for ${seconds} s`);
  const steady = await openLoop('steady', rate, seconds);
  const saturation: OpenLoopRun[] = [];
  for (const step of saturationRates) {
    log(`Saturation step: ${step} commands/s for ${stepSeconds} s`);
    const measuredStep = await openLoop(`step ${step}/s`, step, stepSeconds);
    saturation.push(measuredStep);
    if (measuredStep.reply.p99 > 1000 || measuredStep.delivered < measuredStep.sent) break;
  }
  log(`Change → card: ${cards} cards, ${changeRate} changes/s for ${seconds} s`);
  const cardRun = await measureCardUpdates({ apiUrl: api.url, sink, cards, rate: changeRate, seconds });
  const result = slackResult(measured, {
    environment,
    startedAt,
    settings: {
      commands,
      concurrency,
      runs,
      quick: config.quick,
      rate,
      seconds,
      saturationRates,
      stepSeconds,
      cards,
      changeRate,
    },
    ephemeralTexts: [...sink.ephemeralTexts],
    steady,
    saturation,
    cards: cardRun,
  });
  await saveScenario(result);
  printScenario(result);
} catch (error) {
  failed = true;
  log(`✗ slack-ack failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (bot) log(`bot output:\n${bot.output().slice(-3000)}`);
} finally {
  await bot?.stop();
  await bare?.stop();
  await api?.stop();
  await sink.close();
  await removeTempDir(dataDir);
}
process.exit(failed ? 1 : 0);
