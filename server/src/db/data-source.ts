import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import mysqlCallbacks from 'mysql2';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { sqliteFile } from '../config.js';
import { entities } from './entities.js';
import { mysqlMigrations, sqliteMigrations } from './migrations/index.js';
import { CountingLogger } from './sql-logger.js';

export interface MysqlTarget {
  type: 'mysql' | 'mariadb';
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

export function parseMysqlUrl(url: string): MysqlTarget {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`DATABASE_URL must name a database made of letters, digits and _ (got "${database}")`);
  return {
    type: u.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 3306),
    username: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    database,
  };
}

/**
 * Creates the MySQL/MariaDB database with utf8mb4 when it does not exist yet, and tells
 * which server answers: a `mysql://` URL that reaches MariaDB is driven as MariaDB.
 */
export async function ensureMysqlDatabase(target: MysqlTarget): Promise<MysqlTarget['type']> {
  const connection = await mysql.createConnection({ host: target.host, port: target.port, user: target.username, password: target.password });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test(String((rows as { version: string }[])[0]?.version)) ? 'mariadb' : target.type;
  } finally {
    await connection.end();
  }
}

/**
 * mysql2 with settings on every new connection: MariaDB's "split materialized" (lateral
 * derived) optimisation recomputes the target-metrics table once per joined row, turning
 * 20 ms into seconds once table statistics exist; switched off per session. MySQL has no
 * such switch and refuses the statement, which is harmless and ignored. And a time limit
 * per statement (`max_statement_time` on MariaDB, `max_execution_time` for SELECTs on
 * MySQL; the other server refuses the other name, also ignored), so that no single
 * statement can hold a connection.
 */
function mysqlDriver(statementTimeoutMs: number) {
  return {
    ...mysqlCallbacks,
    createPool(config: Parameters<typeof mysqlCallbacks.createPool>[0]) {
      const pool = mysqlCallbacks.createPool(config as never);
      pool.on('connection', (connection) => {
        connection.query("SET SESSION optimizer_switch = 'split_materialized=off'", () => undefined);
        // A page (ORDER BY … LIMIT) of a table joined to its scope — cadres of a region through
        // their departments — is read in the sort index's order and stops at the page, instead of
        // joining and sorting every match (50,000 cadres: 60 ms → 0.2 ms). MariaDB ≥ 10.6.17 /
        // 10.11.7; refused, and ignored, elsewhere.
        connection.query('SET SESSION optimizer_join_limit_pref_ratio = 10', () => undefined);
        if (statementTimeoutMs > 0) {
          connection.query(`SET SESSION max_statement_time = ${(statementTimeoutMs / 1000).toFixed(3)}`, () => undefined);
          connection.query(`SET SESSION max_execution_time = ${Math.round(statementTimeoutMs)}`, () => undefined);
        }
      });
      return pool;
    },
  };
}

/**
 * better-sqlite3 runs every statement synchronously on the event loop: a request of many
 * statements (or many resolvers of one request, each with its own) would keep `/healthz`
 * and every other request waiting until it ends. So once the loop has been busy for a few
 * milliseconds, statements outside transactions wait in one queue that lets one of them go
 * per turn of the event loop, and the other requests' I/O is served between them.
 */
function yieldBetweenStatements(db: DataSource): void {
  const runner = db.driver.createQueryRunner('master') as unknown as {
    query: (...args: unknown[]) => Promise<unknown>;
    isTransactionActive: boolean;
  };
  const query = runner.query.bind(runner);
  const waiting: (() => void)[] = [];
  let lastTurn = Date.now();
  let pumping = false;
  const pump = () => {
    lastTurn = Date.now();
    waiting.shift()?.();
    if (waiting.length) setImmediate(pump);
    else pumping = false;
  };
  const turn = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!pumping) {
        pumping = true;
        setImmediate(pump);
      }
    });
  runner.query = async (...args: unknown[]) => {
    if (!runner.isTransactionActive && (waiting.length > 0 || Date.now() - lastTurn > 5)) await turn();
    return query(...args);
  };
}

export function dataSourceOptions(
  databaseUrl: string,
  opts: { logSql?: boolean; mysqlType?: MysqlTarget['type']; statementTimeoutMs?: number } = {},
): DataSourceOptions {
  const logger = new CountingLogger(!!opts.logSql);
  const file = sqliteFile(databaseUrl);
  if (file) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: file,
      entities,
      migrations: sqliteMigrations,
      synchronize: false,
      logging: ['query', 'error', 'warn', 'migration'],
      logger,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  const target = parseMysqlUrl(databaseUrl);
  return {
    ...target,
    type: opts.mysqlType ?? target.type,
    driver: mysqlDriver(opts.statementTimeoutMs ?? 0),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: ['DATE'],
    entities,
    migrations: mysqlMigrations,
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger,
    extra: { connectionLimit: 10 },
  };
}

/**
 * Opens the database and brings its schema up to date with the migrations of its driver.
 * On MySQL/MariaDB the migrations run on connections of their own, without the statement
 * time limit (an ALTER of a large table may take long); requests get limited connections.
 */
export async function openDatabase(databaseUrl: string, opts: { logSql?: boolean; statementTimeoutMs?: number } = {}): Promise<DataSource> {
  const mysqlType = sqliteFile(databaseUrl) ? undefined : await ensureMysqlDatabase(parseMysqlUrl(databaseUrl));
  if (mysqlType && opts.statementTimeoutMs) {
    const migrator = new DataSource(dataSourceOptions(databaseUrl, { logSql: opts.logSql, mysqlType }));
    await migrator.initialize();
    try {
      await migrator.runMigrations({ transaction: 'each' });
    } finally {
      await migrator.destroy();
    }
  }
  const db = new DataSource(dataSourceOptions(databaseUrl, { ...opts, mysqlType }));
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  if (!mysqlType) yieldBetweenStatements(db);
  return db;
}
