import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { type ApiProcess, startApiProcess } from './support/api-process';
import { scriptOf, shellExamples } from './support/readme-examples';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
// The operator key the README's admin example uses; the user sets it when starting the API.
const ADMIN_API_KEY = 'readme-admin-key-0123456789abcdef';

describe('the README shell examples are found', () => {
  test('every ```sh block, in order, and only an explicit marker with a reason skips one', () => {
    const markdown = [
      '```sh',
      'echo one',
      '```',
      '<!-- readme-test: skip (needs a Slack workspace) -->',
      '```sh',
      'echo two',
      '```',
      '```ts',
      'const three = 3;',
      '```',
      '```sh',
      'echo four',
      '```',
    ].join('\n');
    expect(shellExamples(markdown)).toEqual([
      { line: 1, code: 'echo one' },
      { line: 5, code: 'echo two', skipped: { reason: 'needs a Slack workspace' } },
      { line: 11, code: 'echo four' },
    ]);
    expect(() => shellExamples('<!-- readme-test: skip -->\n```sh\nnpm start\n```')).toThrow(
      /needs a reason/,
    );
  });

  test('the README has runnable examples in every section that has shell blocks', () => {
    const examples = shellExamples(readme);
    expect(examples.filter((example) => !example.skipped).length).toBeGreaterThan(4);
  });
});

/** The output of the first start (what the user sees), once it has printed the key to paste. */
async function pastedKeyLine(api: ApiProcess): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const line = api
      .output()
      .split('\n')
      .find((text) => text.startsWith('export KEY='));
    if (line) return line;
    if (Date.now() > deadline)
      throw new Error(`The first start printed no "export KEY=" line:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs the script in its own process group, so that on a timeout the whole group (bash and
 * whatever an example started) is killed, not only bash.
 */
function runBash(
  script: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { env: { ...process.env, ...env }, detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.each(testDatabaseKinds())('the README shell examples run as written on %s', (kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-readme-'));
  let databaseUrl: string | undefined;
  let api: ApiProcess | undefined;
  afterAll(async () => {
    await api?.stop('SIGKILL');
    if (databaseUrl) await dropPostgresDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('against a first start, in order, with the key it printed', async () => {
    databaseUrl = kind === 'postgresql' ? await createPostgresDatabase() : undefined;
    api = await startApiProcess({
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: join(dataDir, 'data') }),
      ADMIN_API_KEY,
      // The README's webhook example subscribes a receiver on localhost, and says to start so.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    });
    const port = Number(new URL(api.url).port);
    const script = `${await pastedKeyLine(api)}\n${scriptOf(shellExamples(readme), port)}`;
    const { code, output } = await runBash(script, { ADMIN_API_KEY }, 240_000);
    expect(
      code,
      `${output}\n(exit code ${code}; the last "### README line" above is the failing example)`,
    ).toBe(0);
    expect(output).toContain('### all examples passed');
  }, 300_000);
});
