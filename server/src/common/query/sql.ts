import type { EntityManager, ObjectLiteral } from 'typeorm';

/**
 * Builds SQL fragments for one query: escaped column references for its alias and named
 * parameters collected in one bag. Identifiers are always escaped, so a column called
 * `rank` or `position` works on MySQL as well as on SQLite.
 */
export class QuerySql {
  readonly params: ObjectLiteral = {};
  private next = 0;
  readonly isSqlite: boolean;

  constructor(
    readonly db: EntityManager,
    readonly alias: string,
    private readonly prefix = 'q',
  ) {
    this.isSqlite = db.connection.options.type === 'better-sqlite3';
  }

  esc(identifier: string): string {
    return this.db.connection.driver.escape(identifier);
  }

  /** `alias`.`column` of this query's main table. */
  col(column: string, alias = this.alias): string {
    return `${this.esc(alias)}.${this.esc(column)}`;
  }

  table(entity: Function): string {
    return this.esc(this.db.connection.getMetadata(entity).tableName);
  }

  param(value: unknown): string {
    const name = `${this.prefix}${this.next++}`;
    this.params[name] = value instanceof Date ? this.dateTime(value) : typeof value === 'boolean' ? (value ? 1 : 0) : value;
    return `:${name}`;
  }

  list(values: unknown[]): string {
    const name = `${this.prefix}${this.next++}`;
    this.params[name] = values.map((v) => (v instanceof Date ? this.dateTime(v) : v));
    return `(:...${name})`;
  }

  /** String concatenation (SQLite's `||` and MySQL's CONCAT differ; both know CONCAT in recent versions, but not TiDB-old SQLite). */
  concat(...parts: string[]): string {
    return this.isSqlite ? `(${parts.join(' || ')})` : `CONCAT(${parts.join(', ')})`;
  }

  /** Days from one date expression to another, as a floating-point number. */
  days(from: string, to: string): string {
    return this.isSqlite ? `(julianday(${to}) - julianday(${from}))` : `(DATEDIFF(${to}, ${from}) * 1e0)`;
  }

  /** Runs a fragment built with this bag's named parameters as a plain statement. */
  async run<T = Record<string, unknown>>(query: string): Promise<T[]> {
    const [text, values] = this.db.connection.driver.escapeQueryWithParameters(query, this.params);
    return this.db.query(text, values);
  }

  /** SQLite keeps datetimes as UTC text; mysql2 converts Date objects itself (timezone Z). */
  private dateTime(d: Date): unknown {
    return this.isSqlite ? d.toISOString().replace('T', ' ').replace('Z', '') : d;
  }
}

/** Escape LIKE wildcards with `!`, an escape character both SQLite and MySQL accept as written. */
export function likeEscape(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}
