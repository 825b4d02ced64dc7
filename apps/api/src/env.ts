import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const secretKey = z.string().min(24, 'must be at least 24 characters');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  BOOTSTRAP_API_KEY: secretKey.optional(),
  ADMIN_API_KEY: secretKey.optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(700),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // How long the event log (GET /v1/events, stream resume) keeps events.
  EVENT_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(7),
  // How often the queue drain sweep and auto-close run, across all API processes together.
  SCHEDULED_JOBS_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  // The granularity of group enter/leave caused by time alone (`createdAt<now-4h`): how often the
  // time sweep runs, across all API processes together.
  GROUP_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEBHOOK_DELIVERY: z.enum(['api', 'worker']).default('api'),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false']).default('false'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5_000),
  WEBHOOK_DEAD_LETTER_AFTER_MS: z.coerce.number().int().min(1_000).default(86_400_000),
  WEBHOOK_DISABLE_AFTER_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(5 * 86_400_000),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

// `npm start` runs the API inside apps/api (scripts/start.mjs), so a relative DATA_DIR is taken
// from the repository root, where the user typed it. In the bundle (dist/main.js) import.meta.url
// still names this file (scripts/bundle-app.mjs), so the root is found the same way.
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * loadEnv for a process entry point (`main.ts`, `worker.ts`): a configuration error, or one that
 * `check` raises, is printed naming the variable and the process exits with 1.
 */
export function loadEnvOrExit(check: (env: Env) => void = () => {}): Env {
  try {
    const env = loadEnv();
    check(env);
    return env;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Reads and checks the API's environment once; every other module receives the result. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable means "not set", as in most shells' `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  if (env.WEBHOOK_DELIVERY === 'worker' && !env.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  WEBHOOK_DELIVERY: "worker" needs DATABASE_URL (the embedded database belongs to one process, so a worker could not share it)',
    );
  }
  return { ...env, dataDir: resolve(repositoryRoot, env.DATA_DIR) };
}
