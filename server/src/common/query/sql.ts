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
    this.params[name] = value instanceof Date ? this.dateTime(value) : value;
    return `:${name}`;
  }

  list(values: unknown[]): string {
    const name = `${this.prefix}${this.next++}`;
    this.params[name] = values.map((v) => (v instanceof Date ? this.dateTime(v) : v));
    return `(:...${name})`;
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
