import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import nodeFlags from '../../node-flags.json';
import { apiDirectory } from './config';
import { type Child, freePort, spawnChild, waitHealthy } from './processes';

/** The bootstrap key every benchmark API process shares (BOOTSTRAP_API_KEY). */
export const benchApiKey = 'bench-bootstrap-key-0123456789abcdef';

export interface ApiChild extends Child {
  url: string;
  /** Milliseconds from spawn to the first healthy /health. */
  startMs: number;
}

let bundle: Promise<unknown> | undefined;

/** Builds the API's bundle from the current source, once per benchmark run (as `npm start` does through turbo). */
export function buildApiBundle(): Promise<unknown> {
  bundle ??= promisify(execFile)(
    process.execPath,
    ['../../scripts/bundle-app.mjs', 'src/main.ts', 'dist/main.js'],
    {
      cwd: apiDirectory,
    },
  );
  return bundle;
}

/**
 * The real API (`dist/main.js`, the bundle `npm start` runs, with the Node flags node-flags.json
 * gives its database, as scripts/start.mjs does) in its own process. Logging stays at
 * the production default (info, one line per request); the rate limit is lifted, since the load
 * here comes from one key on purpose.
 */
export async function startApi(env: Record<string, string>): Promise<ApiChild> {
  await buildApiBundle();
  const port = await freePort();
  const flags = env.DATABASE_URL ? nodeFlags.postgresql : nodeFlags.pglite;
  const child = spawnChild(process.execPath, [...flags, 'dist/main.js'], {
    env: {
      PORT: String(port),
      BOOTSTRAP_API_KEY: benchApiKey,
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'info',
      ...env,
    },
    log: 'file',
  });
  const url = `http://127.0.0.1:${port}`;
  const startMs = await waitHealthy(child, `${url}/health`);
  return { ...child, url, startMs };
}

/** A JSON call to an API with the bench key; throws with the body on anything but 2xx. */
export async function apiCall<T = unknown>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      'x-api-key': benchApiKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 500)}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
