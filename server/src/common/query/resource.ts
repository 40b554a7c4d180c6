import { Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { BaseRecord } from '../base.entity.js';

/** Anything listed: BaseRecord rows, and append-only rows such as audit events. */
export interface Row {
  id: number;
}
import type { Location, Role, Scope } from '../scope.js';
import {
  BooleanFilter,
  DateFilter,
  DateTimeFilter,
  enumFilterFor,
  FloatFilter,
  IdFilter,
  IntFilter,
  SortDirection,
  StringFilter,
} from './operators.js';
import type { QuerySql } from './sql.js';

export type FieldKind = 'id' | 'string' | 'int' | 'float' | 'date' | 'datetime' | 'boolean' | 'enum';

export interface FilterField {
  kind: FieldKind;
  /** Column name when it differs from the filter field's name. */
  column?: string;
  /** A SQL expression instead of a column (e.g. a cadre's county, through its department). */
  expr?: (sql: QuerySql) => string;
  /** What to sort by when it is not the value itself (a warning sorts by severity, not by name). */
  sortExpr?: (sql: QuerySql) => string;
  /**
   * The row's id as the table this field comes from knows it, to break ties when the sort
   * starts with this field (in the same direction): then an index on (field, id) of that
   * table gives the order, and a page is read without sorting every match.
   */
  tiebreak?: (sql: QuerySql) => string;
  enum?: { values: object; name: string };
  /** Only these roles may filter or sort by it (e.g. phone numbers are hidden from analysts). */
  restrictedTo?: Role[];
}

export type FilterSpec = Record<string, FilterField>;
/** Sort keys as they appear in the `<Type>OrderField` enum, each naming a filter field. */
export type OrderSpec = Record<string, string>;

const COMMON_FIELDS: FilterSpec = {
  id: { kind: 'id' },
  createdAt: { kind: 'datetime' },
  updatedAt: { kind: 'datetime' },
};
const COMMON_ORDER: OrderSpec = { ID: 'id', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' };

/**
 * How one entity is listed, filtered, sorted, scoped and located. Every read path (lists,
 * lookups, relation fields, counts) takes its scoping predicate from `readScope`, so access
 * rules for a type live here and nowhere else.
 */
export interface ResourceDef<E extends Row = Row> {
  /** The GraphQL type name, also the audit `entityType`. */
  type: string;
  entity: ClassType<E>;
  /** Its filter and sort inputs, from `defineQueryInputs`. */
  query: QueryInputs;
  /** SQL predicate restricting rows to what `scope` may read; null when it may read all. */
  readScope(scope: Exclude<Scope, { level: 'ALL' | 'NONE' }>, sql: QuerySql): string | null;
  /** Roles that may read this type at all (default: every role); others see no rows. */
  readableBy?: Role[];
  /** Where a row sits, for write checks and for scoping its audit events. */
  locate(db: EntityManager, row: E): Promise<Location>;
  /** false for append-only types without deletedAt (audit events). */
  softDelete?: boolean;
  /** Roles that may create, change, delete and restore rows of this type (inside their scope). */
  writableBy: Role[];
  /** Rows that must be gone before a row of this type may be deleted. */
  dependents?: { type: string; entity: ClassType<BaseRecord>; column: string }[];
  /** Rows that must exist (not deleted) before a row of this type may be restored. */
  parents?: { type: string; entity: ClassType<BaseRecord>; column: string }[];
  /** Columns whose values never appear in audit changes (a password hash). */
  redacted?: string[];
  /**
   * A derived table joined (LEFT JOIN … ON `on`) when a list's filter or sort needs computed
   * columns (a target's status as of a date); filter fields reach it through `expr`.
   * `alone`, when given and not null, is the same derived table as one that stands for the
   * rows on its own: one row per live row, holding `columns` of the entity as well. An aggregate
   * whose conditions and groupings name only those columns reads it instead of the join
   * (`aggregateQuery`).
   */
  derived?: (
    sql: QuerySql,
    args: { filter?: object | null; orderBy?: OrderByItem[] | null; asOf?: string | null; withDerived?: boolean },
  ) => { alias: string; table: string; on: string; alone?: () => { table: string; columns: readonly string[] } | null } | null;
  /** Derived columns kept by the service (a tree's path and shares): not shown in audit changes. */
  internal?: string[];
  /** Columns unique across all rows, deleted ones included, with the input field that sets them. */
  unique?: string[];
}

/**
 * The usual read scope of a row that carries its place: a region sees `regionColumn`, a
 * county sees `countyColumn`.
 */
export function scopeByColumns(regionColumn = 'regionId', countyColumn = 'countyId'): ResourceDef['readScope'] {
  return (scope, sql) =>
    scope.level === 'REGION'
      ? `${sql.col(regionColumn)} = ${sql.param(scope.regionId)}`
      : `${sql.col(countyColumn)} = ${sql.param(scope.countyId)}`;
}

export interface QueryInputs {
  Filter: ClassType<object>;
  OrderBy: ClassType<OrderByItem>;
  fields: FilterSpec;
  order: OrderSpec;
}

export interface OrderByItem {
  field: string;
  direction: SortDirection;
}

function operatorInput(spec: FilterField): Function {
  switch (spec.kind) {
    case 'id':
      return IdFilter;
    case 'string':
      return StringFilter;
    case 'int':
      return IntFilter;
    case 'float':
      return FloatFilter;
    case 'date':
      return DateFilter;
    case 'datetime':
      return DateTimeFilter;
    case 'boolean':
      return BooleanFilter;
    case 'enum':
      return enumFilterFor(spec.enum!.values, spec.enum!.name);
  }
}

/**
 * Generates `<Type>Filter` (one operator input per filterable column plus and/or/not) and
 * `<Type>OrderBy` from one spec, so the GraphQL inputs and the SQL they compile to cannot
 * drift apart.
 */
export function defineQueryInputs(type: string, ownFields: FilterSpec, ownOrder: OrderSpec): QueryInputs {
  const fields = { ...COMMON_FIELDS, ...ownFields, ...countyCodeFields(ownFields) };
  const order = { ...ownOrder, ...COMMON_ORDER };

  @InputType(`${type}Filter`, {
    description: `Conditions on ${type}; all given conditions must hold. and/or/not take lists of the same filter (not: none of them holds).`,
  })
  class Filter {}
  for (const [name, spec] of Object.entries(fields)) {
    const operators = operatorInput(spec); // now, not lazily: input types must exist before the schema is built
    Field(() => operators, { nullable: true })(Filter.prototype, name);
  }
  Field(() => [Filter], { nullable: true })(Filter.prototype, 'and');
  Field(() => [Filter], { nullable: true })(Filter.prototype, 'or');
  Field(() => [Filter], { nullable: true })(Filter.prototype, 'not');

  const orderEnum = Object.fromEntries(Object.keys(order).map((k) => [k, k]));
  registerEnumType(orderEnum, { name: `${type}OrderField` });

  @InputType(`${type}OrderBy`)
  class OrderBy implements OrderByItem {
    @Field(() => orderEnum)
    field: string;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
    direction: SortDirection;
  }

  return { Filter, OrderBy, fields, order };
}

/**
 * Staff know counties by code, not by database id: every `…countyId` filter gets a
 * `…countyCode` twin (`responsibleCountyCode: { eq: "540222" }`).
 */
function countyCodeFields(own: FilterSpec): FilterSpec {
  const twins: FilterSpec = {};
  for (const [name, spec] of Object.entries(own)) {
    const m = /^(.*)(countyId|CountyId)$/.exec(name);
    if (!m || spec.kind !== 'id') continue;
    const code = `${m[1]}${m[2] === 'countyId' ? 'countyCode' : 'CountyCode'}`;
    if (own[code]) continue;
    twins[code] = {
      kind: 'string',
      expr: (sql) => {
        const id = spec.expr ? spec.expr(sql) : sql.col(spec.column ?? name);
        return `(SELECT ${sql.col('code', 'ccode')} FROM ${sql.esc('county')} ${sql.esc('ccode')} WHERE ${sql.col('id', 'ccode')} = ${id})`;
      },
    };
  }
  return twins;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** `<Type>Page { items total }`. */
export function PageType<T extends object>(item: ClassType<T>, type: string): ClassType<Page<T>> {
  @ObjectType(`${type}Page`)
  class PageOf implements Page<T> {
    @Field(() => [item])
    items: T[];

    @Field(() => Int, { description: 'How many rows match, over all pages.' })
    total: number;
  }
  return PageOf;
}
