import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createLogger } from '../src/logger';

// The production logger buffers lines into blocks of at least 4 KB and writes a block
// synchronously, in the call that fills it (src/logger.ts says why).
describe('the production logger', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-logger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('keeps lines until 4 KB wait, then writes them all before the call returns', () => {
    const file = join(dir, 'blocks.log');
    const logger = createLogger('info', file);
    const filler = 'x'.repeat(200);
    let lines = 0;
    for (; lines < 10; lines++) logger.info({ n: lines, filler }, 'line');
    expect(readFileSync(file, 'utf8')).toBe('');

    while (readFileSync(file, 'utf8') === '' && lines < 100) logger.info({ n: lines++, filler }, 'line');
    const written = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(Buffer.byteLength(written.join('\n'))).toBeGreaterThanOrEqual(4096);
    expect(written.map((line) => JSON.parse(line).n)).toEqual([...Array(lines).keys()]);
  });

  test('still redacts credentials', () => {
    const file = join(dir, 'redacted.log');
    const logger = createLogger('info', file);
    logger.info({ client: { apiKey: 'sk-secret-value' }, filler: 'x'.repeat(5000) }, 'one big line');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('sk-secret-value');
  });

  test.each([
    ['exits', 'process.exit(0);'],
    ['crashes', "throw new Error('crash');"],
  ])('writes the lines still waiting when the process %s', (_name, ending) => {
    const file = join(dir, `exit-${_name}.log`);
    const logger = new URL('../src/logger.ts', import.meta.url).href;
    const script = `import { createLogger } from ${JSON.stringify(logger)};
      createLogger('info', ${JSON.stringify(file)}).info('last words');
      ${ending}`;
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(readFileSync(file, 'utf8')).toContain('last words');
  });
});
