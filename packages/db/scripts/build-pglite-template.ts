// Runs at install time: builds the migrated PGlite template (a dump for in-memory databases and
// the same database as a data directory for the first `npm start`) so that neither runs initdb
// (see src/pglite-template.ts).
import { buildTemplateDataDir, templatePath } from '../src/pglite-template';

const started = Date.now();
const dataDir = await buildTemplateDataDir();
console.log(`PGlite template ready: ${await templatePath()} and ${dataDir} (${Date.now() - started} ms)`);
