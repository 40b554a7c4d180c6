import { errors } from '../errors.js';
import type { Principal } from '../scope.js';
import type { FilterField, FilterSpec, OrderByItem, OrderSpec } from './resource.js';
import { likeEscape, type QuerySql } from './sql.js';

type Ops = Record<string, unknown>;

/** Values one `in` list may hold: enough for any real selection, far below SQL's parameter limits. */
export const MAX_IN = 1000;

/**
 * Bounds of a whole filter, checked before any SQL is built: values in all its lists and
 * operators together (SQLite refuses statements of more than 32,766 parameters), and/or/not
 * branches, nesting, and the length of a text value (a LIKE pattern of 60,000 characters).
 */
export const FILTER_BOUNDS = { values: 2000, branches: 200, depth: 8, textLength: 500 };

/** Sort keys one list may take (ties break on the id anyway). */
export const MAX_ORDER_BY = 10;

/** Counts a filter's values and branches, and refuses one past its bounds with BAD_USER_INPUT. */
export function assertFilterBounds(filter: object | null | undefined, path = 'filter'): void {
  if (!filter) return;
  let values = 0;
  let branches = 0;
  const walk = (node: object, at: string, depth: number) => {
    if (depth > FILTER_BOUNDS.depth) throw errors.badInput(at, 'filterTooDeep', { max: FILTER_BOUNDS.depth });
    for (const [name, raw] of Object.entries(node)) {
      if (raw === undefined || raw === null) continue;
      if (name === 'and' || name === 'or' || name === 'not') {
        const subs = raw as object[];
        branches += subs.length;
        if (branches > FILTER_BOUNDS.branches) throw errors.badInput(path, 'filterTooManyBranches', { max: FILTER_BOUNDS.branches, count: branches });
        subs.forEach((sub, i) => sub && walk(sub, `${at}.${name}[${i}]`, depth + 1));
        continue;
      }
      if (typeof raw !== 'object') continue;
      for (const [op, value] of Object.entries(raw as Record<string, unknown>)) {
        const list = Array.isArray(value) ? value : [value];
        values += list.length;
        if (values > FILTER_BOUNDS.values) throw errors.badInput(path, 'filterTooManyValues', { max: FILTER_BOUNDS.values, count: values });
        for (const v of list) {
          if (typeof v === 'string' && v.length > FILTER_BOUNDS.textLength) {
            throw errors.badInput(`${at}.${name}.${op}`, 'filterValueTooLong', { max: FILTER_BOUNDS.textLength, length: v.length });
          }
        }
      }
    }
  };
  walk(filter, path, 0);
}

function idValue(value: unknown, field: string): number {
  const text = String(value);
  if (!/^\d{1,15}$/.test(text)) throw errors.badInput(field, 'badId', { value: text });
  return Number(text);
}

function assertAllowed(spec: FilterField, name: string, principal: Principal | null): void {
  if (spec.restrictedTo && (!principal || !spec.restrictedTo.includes(principal.role))) {
    throw errors.forbidden('forbiddenFilterField', { field: name });
  }
}

function columnOf(sql: QuerySql, spec: FilterField, name: string): string {
  return spec.expr ? spec.expr(sql) : sql.col(spec.column ?? name);
}

function compileField(sql: QuerySql, spec: FilterField, name: string, ops: Ops, path: string): string[] {
  const c = columnOf(sql, spec, name);
  const value = (v: unknown, at: string) => (spec.kind === 'id' ? idValue(v, at) : v);
  const parts: string[] = [];
  for (const [op, raw] of Object.entries(ops)) {
    if (raw === undefined || raw === null) continue;
    const at = `${path}.${op}`;
    switch (op) {
      case 'eq':
        parts.push(`${c} = ${sql.param(value(raw, at))}`);
        break;
      case 'in': {
        const list = raw as unknown[];
        if (list.length === 0) throw errors.badInput(path, 'emptyIn');
        if (list.length > MAX_IN) throw errors.badInput(at, 'tooManyValues', { max: MAX_IN, count: list.length });
        parts.push(`${c} IN ${sql.list(list.map((v) => value(v, at)))}`);
        break;
      }
      case 'contains':
        parts.push(`${c} LIKE ${sql.param(`%${likeEscape(String(raw))}%`)} ESCAPE '!'`);
        break;
      case 'startsWith':
        parts.push(`${c} LIKE ${sql.param(`${likeEscape(String(raw))}%`)} ESCAPE '!'`);
        break;
      case 'gt':
        parts.push(`${c} > ${sql.param(raw)}`);
        break;
      case 'gte':
        parts.push(`${c} >= ${sql.param(raw)}`);
        break;
      case 'lt':
        parts.push(`${c} < ${sql.param(raw)}`);
        break;
      case 'lte':
        parts.push(`${c} <= ${sql.param(raw)}`);
        break;
      case 'isNull':
        parts.push(raw ? `${c} IS NULL` : `${c} IS NOT NULL`);
        break;
    }
  }
  return parts;
}

/**
 * Compiles a typed filter input into one SQL predicate (null when it asks for nothing).
 * Every condition goes through bound parameters; `not` means none of the listed filters holds.
 */
export function compileFilter(
  sql: QuerySql,
  fields: FilterSpec,
  filter: object | null | undefined,
  principal: Principal | null,
  path = 'filter',
): string | null {
  if (!filter) return null;
  if (path === 'filter') assertFilterBounds(filter, path);
  const parts: string[] = [];
  for (const [name, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null) continue;
    if (name === 'and' || name === 'or' || name === 'not') {
      const subs = (raw as object[])
        .map((sub, i) => compileFilter(sql, fields, sub, principal, `${path}.${name}[${i}]`) ?? '1 = 1');
      if (subs.length === 0) {
        if (name === 'or') parts.push('1 = 0'); // none of nothing holds
        continue;
      }
      if (name === 'and') parts.push(subs.map((s) => `(${s})`).join(' AND '));
      if (name === 'or') parts.push(`(${subs.map((s) => `(${s})`).join(' OR ')})`);
      if (name === 'not') parts.push(subs.map((s) => `NOT (${s})`).join(' AND '));
      continue;
    }
    const spec = fields[name];
    if (!spec) continue;
    assertAllowed(spec, name, principal);
    parts.push(...compileField(sql, spec, name, raw as Ops, `${path}.${name}`));
  }
  return parts.length ? parts.map((p) => `(${p})`).join(' AND ') : null;
}

/** ORDER BY terms for the given sort items, always ending with the id as tie-breaker. */
export function compileOrder(
  sql: QuerySql,
  fields: FilterSpec,
  order: OrderSpec,
  items: OrderByItem[] | null | undefined,
  principal: Principal | null,
): string[] {
  const terms: string[] = [];
  if ((items?.length ?? 0) > MAX_ORDER_BY) throw errors.badInput('orderBy', 'tooManyValues', { max: MAX_ORDER_BY, count: items!.length });
  for (const item of items ?? []) {
    const fieldName = order[item.field];
    const spec = fields[fieldName];
    assertAllowed(spec, fieldName, principal);
    terms.push(`${spec.sortExpr ? spec.sortExpr(sql) : columnOf(sql, spec, fieldName)} ${item.direction === 'DESC' ? 'DESC' : 'ASC'}`);
  }
  if (!(items ?? []).some((i) => order[i.field] === 'id')) {
    const first = items?.length ? fields[order[items[0].field]] : undefined;
    terms.push(first?.tiebreak ? `${first.tiebreak(sql)} ${items![0].direction === 'DESC' ? 'DESC' : 'ASC'}` : `${sql.col('id')} ASC`);
  }
  return terms;
}
