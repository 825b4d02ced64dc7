export { type Database, type DatabaseKind, type DatabaseOptions, openDatabase } from './client';
export * from './conversations';
export * from './criteria';
export type { SqlReads } from './direct-reads';
export { Prisma, PrismaClient } from './generated/prisma/client';
export * from './generated/prisma/enums';
export type * from './generated/prisma/models';
export { MigrationError, type MigrationReport, migrate } from './migrate/migrate';
export { readMigrationFiles } from './migrate/migration-files';
