import { openDatabase } from '@switchboard/db';
import type { Env } from '../env';
import type { Logger } from '../logger';
import { webhookSettingsFromEnv } from './settings-from-env';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhook-dispatcher';

/**
 * Delivers webhooks over connections of its own to PostgreSQL until stopped, then closes them:
 * what `npm run worker` runs, and the API's delivery thread (./delivery-thread).
 */
export async function startDelivery(env: Env, logger: Logger, poolSize: number): Promise<WebhookDispatcher> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize });
  const dispatcher = startWebhookDispatcher(db, webhookSettingsFromEnv(env), logger);
  return {
    async stop() {
      await dispatcher.stop();
      await db.close();
    },
  };
}
