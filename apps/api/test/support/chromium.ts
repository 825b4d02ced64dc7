import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import bundled from '@sparticuz/chromium';
import { type Browser, chromium } from 'playwright-core';

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * A headless Chromium for page tests. `CHROMIUM_PATH` picks a browser of the machine; without it,
 * the one shipped inside the `@sparticuz/chromium` npm package (linux-x64), so `npm install`
 * is all a fresh machine needs: no apt-get, no download at install or run time.
 */
export async function launchChromium(): Promise<Browser> {
  const systemPath = process.env.CHROMIUM_PATH;
  if (systemPath) {
    if (!existsSync(systemPath)) throw new Error(`CHROMIUM_PATH=${systemPath} does not exist.`);
    return chromium.launch({ executablePath: systemPath, args });
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The Chromium inside @sparticuz/chromium runs on linux-x64 only (this is ${process.platform}-${process.arch}); ` +
        'set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  // Unpacks the brotli'd browser into the temp directory once (about 2 s), then reuses it.
  const executablePath = await bundled.executablePath();
  return chromium.launch({
    executablePath,
    args,
    env: { ...process.env, LD_LIBRARY_PATH: bundledLibraries() },
  });
}

/**
 * The browser links NSS, NSPR and expat, which a minimal Linux may lack; the package ships them
 * (`bin/al2023.tar.br`) but unpacks them only on AWS Lambda, so unpack them here and put them on
 * the browser's library path.
 */
function bundledLibraries(): string {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(dirname(dirname(require.resolve('@sparticuz/chromium'))));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const target = join(tmpdir(), `switchboard-chromium-${version}`);
  const libraries = join(target, 'lib');
  if (!existsSync(join(libraries, 'libnss3.so'))) {
    mkdirSync(target, { recursive: true });
    const archive = brotliDecompressSync(readFileSync(join(packageDir, 'bin', 'al2023.tar.br')));
    execFileSync('tar', ['-x', '-C', target], { input: archive });
  }
  const inherited = process.env.LD_LIBRARY_PATH;
  return inherited ? `${libraries}:${inherited}` : libraries;
}
