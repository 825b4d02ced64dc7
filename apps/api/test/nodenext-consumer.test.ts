import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const apiDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// A consumer compiled with `moduleResolution: NodeNext` (test/nodenext-consumer) types its tRPC
// client with AppRouter from `@switchboard/api`: the declarations are built from the current
// sources first, as `npm install` builds them.
test('AppRouter typechecks in a NodeNext consumer, with real types', async () => {
  await run(process.execPath, ['scripts/build-types.mjs'], { cwd: apiDir });
  const compiled = await run(process.execPath, [tsc, '-p', 'test/nodenext-consumer/tsconfig.json'], {
    cwd: apiDir,
  }).catch((error: { stdout?: string; stderr?: string }) => error);
  expect(`${compiled.stdout ?? ''}${compiled.stderr ?? ''}`).toBe('');
}, 120_000);
