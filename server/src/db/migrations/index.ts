import { Init1795553141329 as MysqlInit } from './mysql/1795553141329-Init.js';
import { TargetsAndSupervision1795554591907 as MysqlTargetsAndSupervision } from './mysql/1795554591907-TargetsAndSupervision.js';
import { Init1795553140890 as SqliteInit } from './sqlite/1795553140890-Init.js';
import { TargetsAndSupervision1795554591255 as SqliteTargetsAndSupervision } from './sqlite/1795554591255-TargetsAndSupervision.js';

/**
 * Migrations per driver, oldest first, listed explicitly (the same list works compiled and
 * under vitest). Generate the next pair with `npm run migration:generate` (docs/development.md).
 */
export const sqliteMigrations: Function[] = [SqliteInit, SqliteTargetsAndSupervision];
export const mysqlMigrations: Function[] = [MysqlInit, MysqlTargetsAndSupervision];
