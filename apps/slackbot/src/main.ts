import { startSlackbot } from './app';
import { ConfigError, loadSlackbotConfig } from './env';

// `npm start` runs this beside the API. Without the Slack secrets the bot says so and exits 0,
// so the API runs alone. A half or malformed configuration names each variable to fix and also
// exits 0: the launcher stops every app when one fails, and a bot typo (say, no
// SWITCHBOARD_API_KEY after the first start printed a generated key) must not take the API down.
const staysDown = 'Slack bot not started (the API, if started with it, keeps serving).';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadSlackbotConfig>;
  try {
    config = loadSlackbotConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n${staysDown}\n`);
      return;
    }
    throw error;
  }
  if (!config.enabled) {
    process.stdout.write(`${config.reason}\n`);
    return;
  }
  const { env } = config;
  const running = await startSlackbot(env);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Handlers first, then the line a supervisor waits for: a SIGTERM sent the moment it reads the
  // line would otherwise meet Node's default action (killed on the spot, no clean stop).
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.stdout.write(
    `Slack bot listening on http://0.0.0.0:${running.port}/slack/events, calling Switchboard at ${env.apiUrl}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Slack bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
