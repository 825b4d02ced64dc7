export { type Database, type DatabaseKind, type DatabaseOptions, openDatabase } from './client';
export { Prisma, PrismaClient } from './generated/prisma/client';
export type * from './generated/prisma/models';
export * from './generated/prisma/enums';
export { MigrationError, type MigrationReport, migrate } from './migrate/migrate';
export { readMigrationFiles } from './migrate/migration-files';
export * from './criteria';
