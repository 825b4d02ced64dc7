// Runs at install time: builds the migrated PGlite dump that first starts and tests load instead
// of running initdb (see src/pglite-template.ts).
import { migratedPgliteTemplate, templatePath } from '../src/pglite-template';

const started = Date.now();
await migratedPgliteTemplate();
console.log(`PGlite template ready: ${await templatePath()} (${Date.now() - started} ms)`);
