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
  /** Set by `standAlone`: the query's main table is a derived one holding only these columns of the entity. */
  private alone: { derivedAlias: string; columns: ReadonlySet<string> } | null = null;

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
    if (this.alone) {
      // The derived table is the main table itself; of the entity's own columns only those it holds can be named.
      if (alias === this.alone.derivedAlias) alias = this.alias;
      else if (alias === this.alias && !this.alone.columns.has(column)) throw new NotCovered(column);
    }
    return `${this.esc(alias)}.${this.esc(column)}`;
  }

  /**
   * From now on the main alias stands for a derived table that holds the entity's `columns`
   * and the derived columns (named under `derivedAlias` elsewhere): references to the derived
   * alias become the main alias, and naming any other column of the entity throws `NotCovered`.
   */
  standAlone(derivedAlias: string, columns: readonly string[]): void {
    this.alone = { derivedAlias, columns: new Set(columns) };
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

/** A query built on a table standing alone named a column that table does not hold: build it the usual way. */
export class NotCovered extends Error {
  constructor(readonly column: string) {
    super(`column ${column} is not held by the table standing alone`);
  }
}

/** Escape LIKE wildcards with `!`, an escape character both SQLite and MySQL accept as written. */
export function likeEscape(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}
