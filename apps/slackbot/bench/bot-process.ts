/**
 * Scenario 4's bot, in its own process so its event loop is not the load generator's: the bot's
 * own configuration reader and start function (what src/main.ts runs), then `{"ready":<port>}`.
 */
import { loadSlackbotConfig, startSlackbot } from '../src';

const config = loadSlackbotConfig();
if (!config.enabled) throw new Error(config.reason);
const running = await startSlackbot(config.env);
process.stdout.write(`${JSON.stringify({ ready: running.port })}\n`);
process.on('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
