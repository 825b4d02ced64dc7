// Builds an app's entry point into one JavaScript file (`npm run build` in apps/api and
// apps/slackbot; `npm start` runs the result). Node 20 cannot run TypeScript, and running it
// through tsx costs about a second of CPU on every start (its loader resolves and transforms each
// module); the bundle starts with plain `node`. Usage: node scripts/bundle-app.mjs <entry> <outfile>
// (paths relative to the current directory).
//
// Only the workspace's own TypeScript (this app and @switchboard/* packages) is bundled; every
// npm package stays an import that Node resolves from node_modules as usual, so packages that
// load their own files (PGlite's WASM, Prisma's query compiler, swagger-ui-dist) work unchanged.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';

const [entry, out] = process.argv.slice(2);
if (!entry || !out) throw new Error('usage: node scripts/bundle-app.mjs <entry.ts> <outfile.js>');
const outfile = resolve(out);

const npmPackagesStayExternal = {
  name: 'npm-packages-stay-external',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@switchboard/') ? undefined : { path: args.path, external: true },
    );
  },
};

// Source files find their neighbours through `import.meta.url` (migrations, the PGlite template
// cache, the repository root). In the bundle each such use still names its own source file,
// as a path relative to the bundle, so a moved checkout keeps working.
const importMetaUrlOfSource = {
  name: 'import-meta-url-of-source',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = relative(dirname(outfile), args.path).split(sep).join('/');
      const text = await readFile(args.path, 'utf8');
      return {
        contents: text.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(source)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

const result = await build({
  entryPoints: [resolve(entry)],
  outfile,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [npmPackagesStayExternal, importMetaUrlOfSource],
  logLevel: 'warning',
});

// Written then renamed: a process starting the app while another builds it (turbo and the
// benchmarks may overlap) never reads a half-written bundle.
await mkdir(dirname(outfile), { recursive: true });
for (const file of result.outputFiles) {
  const partial = `${file.path}.${process.pid}.partial`;
  await writeFile(partial, file.contents);
  await rename(partial, file.path);
}
