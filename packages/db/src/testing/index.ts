export { migratedPgliteTemplate } from '../pglite-template';
export {
  createPostgresDatabase,
  createTestDatabase,
  dropPostgresDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from './test-database';
