export { Db, type DbConfig, type Executor } from './connection.ts';
export { migrate, schemaVersion, MIGRATIONS } from './migrate.ts';
export type { Migration } from './migrations/migration.ts';
export * from './units.ts';
export * from './staff.ts';
export * from './cases.ts';
export * from './submissions.ts';
export * from './calendar.ts';
