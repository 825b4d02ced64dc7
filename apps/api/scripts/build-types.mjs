// Declarations of `AppRouter` for consumers that resolve packages as Node does
// (`moduleResolution: NodeNext`). Those require explicit file extensions on relative imports in
// ESM, which the workspace's sources (written for `moduleResolution: Bundler`) do not have, so
// importing `@switchboard/api` from them directly fails. tsc emits declarations of the API and of
// the @switchboard packages it uses into dist/types; this script then spells every import in them
// as NodeNext wants: `./x` → `./x.js` or `./x/index.js`, `@switchboard/db` → a relative path to
// that package's emitted declarations. package.json points the `node` condition's types here.
// Usage (in apps/api): node scripts/build-types.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(apiDir, 'dist/types');
const repositoryRoot = resolve(apiDir, '../..');
const workspacePackages = {
  '@switchboard/core': join(outDir, 'packages/core/src/index.d.ts'),
  '@switchboard/db': join(outDir, 'packages/db/src/index.d.ts'),
};

rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(apiDir, 'tsconfig.types.json')], { stdio: 'inherit' });

const declarationFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarationFiles(path);
    return path.endsWith('.d.ts') ? [path] : [];
  });

/** The specifier NodeNext accepts for `specifier` as written in the declaration file `file`. */
function nodeNextSpecifier(file, specifier) {
  const target = workspacePackages[specifier];
  if (target) return relativeJs(file, target);
  if (specifier.startsWith('@switchboard/')) {
    throw new Error(`${relative(repositoryRoot, file)}: no declarations emitted for ${specifier}`);
  }
  if (!specifier.startsWith('.') || /\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const base = resolve(dirname(file), specifier);
  for (const candidate of [`${base}.d.ts`, join(base, 'index.d.ts')]) {
    if (existsSync(candidate)) return relativeJs(file, candidate);
  }
  throw new Error(`${relative(repositoryRoot, file)}: cannot resolve ${specifier}`);
}

function relativeJs(from, declaration) {
  const path = relative(dirname(from), declaration).replace(/\.d\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
}

// `from '…'`, `import('…')` and bare `import '…'`, as tsc writes them in declarations; lines of
// comments are left alone (Prisma's doc comments show example imports).
const importSpecifier = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g;
const commentLine = /^\s*(\*|\/\/|\/\*)/;
for (const file of declarationFiles(outDir)) {
  const text = readFileSync(file, 'utf8');
  const rewritten = text
    .split('\n')
    .map((line) =>
      commentLine.test(line)
        ? line
        : line.replace(
            importSpecifier,
            (_, lead, quote, specifier) => `${lead}${quote}${nodeNextSpecifier(file, specifier)}${quote}`,
          ),
    )
    .join('\n');
  if (rewritten !== text) writeFileSync(file, rewritten);
}
