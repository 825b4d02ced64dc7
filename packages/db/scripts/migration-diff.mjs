#!/usr/bin/env node
// Developer tool, not used at runtime or in CI: prints the SQL that takes a database migrated with
// prisma/migrations to what prisma/schema.prisma declares, i.e. the body of the next migration.
//
//   node packages/db/scripts/migration-diff.mjs [more `prisma migrate diff` flags, e.g. --exit-code]
//
// Prisma 7's migrate commands need its native schema engine, which cannot be downloaded here.
// Prisma 6.19.3 with `engine: 'js'` runs a Wasm schema engine over a driver adapter instead, so this
// installs that toolchain once (npm registry only) into a cache directory and runs
// `prisma migrate diff --from-migrations … --to-schema-datamodel … --script` there. The shadow
// database in which Prisma replays the migrations is an in-memory PGlite. See MIGRATIONS.md.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOLCHAIN = {
  prisma: '6.19.3',
  'pglite-prisma-adapter': '0.6.1',
  '@electric-sql/pglite': '0.5.16',
};

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(packageDir, 'prisma', 'schema.prisma');
const migrationsDir = join(packageDir, 'prisma', 'migrations');
const toolDir =
  process.env.MIGRATION_DIFF_TOOLCHAIN_DIR ?? join(tmpdir(), `switchboard-prisma-${TOOLCHAIN.prisma}`);

// Prisma 6 wants a `url` in the datasource even though the adapter is what connects; Prisma 7
// schemas have none. It is never used.
function prisma6Schema(schema) {
  const datasource = /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"postgresql")/;
  if (!datasource.test(schema)) throw new Error(`${schemaPath}: no postgresql datasource block found`);
  if (/datasource\s+\w+\s*\{[^}]*\burl\s*=/.test(schema)) return schema;
  return schema.replace(datasource, '$1\n  url = "postgresql://unused@localhost/unused"');
}

// pglite-prisma-adapter 0.6.1 sends a migration script through executeRaw, i.e. as one prepared
// statement, which PostgreSQL refuses for several commands ("cannot insert multiple commands into
// a prepared statement"). Parameterless statements go through PGlite's exec instead.
const PRISMA_CONFIG = `
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';

function runScriptsWithExec(adapter: any) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query: any) => {
    if (query.args.length > 0) return executeRaw(query);
    try {
      await adapter.client.exec(query.sql);
    } catch (error) {
      adapter.onError(error);
    }
    return 0;
  };
  return adapter;
}

// The migrations create extensions, which PGlite loads only when they are listed here (as
// src/drivers/pglite.ts does); the adapter's own shadow database would have none.
const extensions = { pg_trgm };

class InMemoryPGlite extends PrismaPGlite {
  override async connect(): Promise<any> {
    (this as any).client ??= new PGlite({ extensions });
    return runScriptsWithExec(await super.connect());
  }
  override async connectToShadowDb(): Promise<any> {
    const shadow = new InMemoryPGlite(new PGlite({ dataDir: 'memory://shadow', extensions }) as any);
    return shadow.connect();
  }
}

export default defineConfig({
  schema: 'schema.prisma',
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new InMemoryPGlite(undefined as any),
} as any);
`;

const quietEnv = {
  ...process.env,
  // The CLI looks for native engines before doing anything; nothing here runs them.
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};

function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(join(toolDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function ensureToolchain() {
  if (Object.entries(TOOLCHAIN).every(([name, version]) => installedVersion(name) === version)) return;
  console.error(`migration-diff: installing Prisma ${TOOLCHAIN.prisma} tooling into ${toolDir} (once)…`);
  mkdirSync(toolDir, { recursive: true });
  writeFileSync(
    join(toolDir, 'package.json'),
    JSON.stringify(
      { name: 'switchboard-migration-diff-toolchain', private: true, dependencies: TOOLCHAIN },
      null,
      2,
    ),
  );
  // --ignore-scripts: @prisma/engines' postinstall would try to download native engines.
  const npm = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    {
      cwd: toolDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: quietEnv,
    },
  );
  if (npm.status !== 0) throw new Error(`npm install in ${toolDir} failed`);
}

function main() {
  ensureToolchain();
  const workDir = mkdtempSync(join(tmpdir(), 'switchboard-migration-diff-'));
  try {
    symlinkSync(join(toolDir, 'node_modules'), join(workDir, 'node_modules'), 'dir');
    writeFileSync(join(workDir, 'schema.prisma'), prisma6Schema(readFileSync(schemaPath, 'utf8')));
    writeFileSync(join(workDir, 'prisma.config.ts'), PRISMA_CONFIG);
    const cli = join(toolDir, 'node_modules', 'prisma', 'build', 'index.js');
    const args = [
      'migrate',
      'diff',
      '--from-migrations',
      migrationsDir,
      '--to-schema-datamodel',
      'schema.prisma',
    ];
    const diff = spawnSync(process.execPath, [cli, ...args, '--script', ...process.argv.slice(2)], {
      cwd: workDir,
      env: quietEnv,
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
    });
    const noise =
      /^(Loaded Prisma config from .*|Prisma config detected, skipping environment variable loading\.)$/;
    const stderr = diff.stderr
      .split('\n')
      .filter((line) => !noise.test(line.trim()))
      .join('\n')
      .trim();
    if (stderr) console.error(stderr);
    return diff.status ?? 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (!existsSync(migrationsDir)) {
  console.error(`migration-diff: ${migrationsDir} does not exist`);
  process.exit(1);
}
process.exit(main());
