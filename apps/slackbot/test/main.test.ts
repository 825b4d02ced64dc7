import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { startApiProcess } from '../../api/test/support/api-process';

const appDir = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs src/main.ts (what `npm start` runs, bundled) in plain Node with tsx as a loader, with only
 * the given variables. Node itself, as the launcher runs it: the tsx command line would stand
 * between the signal and the bot and sometimes answer SIGTERM with 143 on its own.
 */
function runMain(env: Record<string, string>, stopWhen?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: appDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stopWhen?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const slack = { SLACK_SIGNING_SECRET: '8f14e45fceea167a5a36dedd4bea2543', SLACK_BOT_TOKEN: 'xoxb-1-2-abc' };

describe('npm start (src/main.ts)', () => {
  test('without the Slack secrets it says how to enable the bot and exits 0', async () => {
    const run = await runMain({});
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(
      'Slack bot not started: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to enable it',
    );
  });

  test('one secret without the other names the missing variable and stays down (exit 0, so the API keeps serving)', async () => {
    const run = await runMain({
      SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET,
      SWITCHBOARD_API_KEY: 'x'.repeat(24),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('SLACK_BOT_TOKEN: is required');
    expect(run.stderr).toContain('Slack bot not started (the API, if started with it, keeps serving).');
  });

  test('a malformed variable is named and the bot stays down', async () => {
    const run = await runMain({
      ...slack,
      SLACK_BOT_TOKEN: 'not-a-token',
      SWITCHBOARD_API_KEY: 'x'.repeat(24),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('SLACK_BOT_TOKEN: must be a bot token starting with "xoxb-"');
  });

  test('with everything set it listens, and stops cleanly on SIGTERM', async () => {
    const run = await runMain(
      { ...slack, SWITCHBOARD_API_KEY: 'x'.repeat(24), SLACKBOT_PORT: '0', LOG_LEVEL: 'error' },
      /Slack bot listening/,
    );
    expect(run.stdout).toMatch(
      /Slack bot listening on http:\/\/0\.0\.0\.0:\d+\/slack\/events, calling Switchboard at http:\/\/127\.0\.0\.1:3000/,
    );
    expect(run.code).toBe(0);
  });
});

describe('npm start with a wrong bot configuration', () => {
  test('the bot says why and stays down; the API keeps serving', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'sb-bot-config-')), 'data');
    // No SWITCHBOARD_API_KEY and no BOOTSTRAP_API_KEY: the bot cannot call the API.
    const started = await startApiProcess(
      { DATA_DIR: dataDir, ...slack, SLACK_BOT_TOKEN: 'not-a-token', SLACKBOT_PORT: '0' },
      120_000,
      'npm start',
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(started.output()).toContain('SLACK_BOT_TOKEN: must be a bot token starting with "xoxb-"');
      expect(started.output()).toContain(
        'Slack bot not started (the API, if started with it, keeps serving).',
      );
      expect(await (await fetch(`${started.url}/health`)).json()).toMatchObject({ status: 'ok' });
    } finally {
      expect(await started.stop('SIGTERM')).toBe(0);
    }
  }, 180_000);
});
