import { hash } from 'node:crypto';
import mysql from 'mysql2';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { parsePeriod, today, type Period } from '../../common/dates.js';
import { errors } from '../../common/errors.js';
import { entityLabel } from '../../common/i18n.js';
import { listPage, loadByIds, ScopedQuery } from '../../common/query/list.js';
import { QuerySql } from '../../common/query/sql.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role, type Scope } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { ScoreboardLevel } from '../analytics/analytics.types.js';
import { AuditAction, AuditEvent } from '../audit/audit-event.entity.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { cadreResource } from '../hierarchy/cadre.service.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Department } from '../hierarchy/department.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { policyService, type PolicyValues } from '../policy/policy.service.js';
import { inspectionResource, rectificationOverdueSql } from '../supervision/inspection.service.js';
import { Target, TargetStatus } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { targetMetricsSql } from '../targets/target-metrics.js';
import { AccountabilityMeasure } from './accountability.entity.js';
import { accountabilityResource } from './accountability.service.js';
import { Assessment } from './assessment.entity.js';
import { assessmentQuery, type AssessmentRanking, type AssessmentRankingEntry, type OverrideAssessmentTierInput, type TierCount, type UnitAssessment, type UnitAssessments } from './assessment.inputs.js';
import { AssessmentComponentKind, AssessmentStatus, TIERS, type AssessmentTier, type ExplainedInspection, type ExplainedTarget } from './assessment.types.js';
import { evaluationResource } from './democratic-evaluation.service.js';
import { packExplanation } from './stored-explanation.js';
import { assessCadre, combine, penaltyOf, r6, voteScore, type CadreFacts } from './scoring.js';

export const assessmentResource: ResourceDef<Assessment> = {
  type: 'Assessment',
  entity: Assessment,
  query: assessmentQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId ?? null }),
  // Computing, overriding and confirming is the prefecture's; the tier is advice for the Party committee.
  writableBy: [Role.ADMIN, Role.REGIONAL],
  parents: [{ type: 'Cadre', entity: Cadre, column: 'cadreId' }],
  internal: ['fingerprint'],
};
cadreResource.dependents = [...(cadreResource.dependents ?? []), { type: 'Assessment', entity: Assessment, column: 'cadreId' }];

const num = (v: unknown) => Number(v ?? 0);
const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
/** Bound values per statement: below SQLite's limit (32766). */
const SQLITE_PARAMS = 30000;
/**
 * Bytes of values per statement (MySQL: of the statement's text; SQLite: bound), counted as an
 * upper bound (3 per UTF-16 unit): half of MariaDB's default max_allowed_packet (16 MB; MySQL
 * 8: 64 MB).
 */
const STATEMENT_BYTES = 8_000_000;

function periodOf(label: string): Period {
  const p = parsePeriod(label);
  if (!p) throw errors.badInput('period', 'badPeriod');
  return p;
}

/** Figures of a period are taken at its end, or today while it is still running. */
export function assessmentDate(p: Period): string {
  const now = today();
  return p.to < now ? p.to : now;
}

/**
 * Rankings are computed over the whole region before scoping (as bulletins are): a county
 * user's entries carry their true rank among all of the region's.
 */
function regionWide(ctx: Context): Context {
  const scope: Scope = ctx.scope.level === 'COUNTY' ? { level: 'REGION', regionId: ctx.scope.regionId } : ctx.scope;
  return { ...ctx, scope };
}

/** An ADMIN (who may read every region) gets its own region's figures, like everyone else. */
function ownRegion<E extends { id: number }>(ctx: Context, q: ScopedQuery<E>): ScopedQuery<E> {
  if (ctx.scope.level === 'ALL' && ctx.principal?.regionId != null) q.where(`${q.sql.col('regionId')} = ${q.sql.param(ctx.principal.regionId)}`);
  return q;
}

/** The same for cadres, whose region is their department's. */
function ownRegionCadres(ctx: Context, q: ScopedQuery<Cadre>): ScopedQuery<Cadre> {
  const s = q.sql;
  if (ctx.scope.level === 'ALL' && ctx.principal?.regionId != null) {
    q.where(`${s.col('departmentId')} IN (SELECT ${s.col('id', 'rd')} FROM ${s.table(Department)} ${s.esc('rd')} WHERE ${s.col('regionId', 'rd')} = ${s.param(ctx.principal.regionId)})`);
  }
  return q;
}

function tierCounts(tiers: (AssessmentTier | null)[]): TierCount[] {
  return TIERS.map((tier) => ({ tier, count: tiers.filter((t) => t === tier).length }));
}

/** A unit's own targets: not the sub-targets it made of its own targets (analytics counts them the same way). */
function ownOf(q: ScopedQuery<Target>, column: string): void {
  const s = q.sql;
  q.where(`${s.col(column)} IS NOT NULL`);
  q.where(`NOT EXISTS (SELECT 1 FROM ${s.table(Target)} ${s.esc('pt')} WHERE ${s.col('id', 'pt')} = ${s.col('parentId')} AND ${s.col(column, 'pt')} = ${s.col(column)})`);
}

/** The columns a computed draft is written with (the others keep their defaults: null). */
const ASSESSMENT_COLUMNS = [
  'createdAt', 'updatedAt', 'version', 'cadreId', 'regionId', 'countyId', 'departmentId', 'period', 'asOf', 'policyId',
  'targetScore', 'timelinessScore', 'inspectionScore', 'democraticScore', 'penalty', 'total', 'computedTier', 'tierRule', 'status', 'computedById', 'explanation', 'fingerprint',
] as const satisfies readonly (keyof Assessment)[];
/** A cadre's facts as gathered (the period's dates and the policy come with the call). */
type CadreFactsOnly = Omit<CadreFacts, 'policyId' | 'asOf' | 'periodFrom' | 'periodTo'>;

/** The figures a recomputation in place may change, as its UPDATE event compares them. */
const AUDITED_COLUMNS = [
  'departmentId', 'asOf', 'policyId', 'targetScore', 'timelinessScore', 'inspectionScore', 'democraticScore', 'penalty', 'total', 'computedTier', 'tierRule', 'computedById',
] as const satisfies readonly (keyof Assessment)[];
/** What a recomputation in place writes over a draft (not overridden, not confirmed: the rest is as it was). */
const REWRITTEN_COLUMNS = ['updatedAt', 'version', ...AUDITED_COLUMNS, 'explanation', 'fingerprint'] as const satisfies readonly (keyof Assessment)[];
const AUDIT_COLUMNS = ['at', 'actorId', 'actorName', 'action', 'entityType', 'entityId', 'regionId', 'countyId', 'changes', 'requestId', 'ip'] as const satisfies readonly (keyof AuditEvent)[];

/** Values as TypeORM itself would store them in an entity's columns (dates, JSON, enums per driver), and read them back. */
function persisted<E>(db: EntityManager, entity: new () => E) {
  const meta = db.connection.getMetadata(entity);
  const driver = db.connection.driver;
  const columns = new Map(meta.columns.map((c) => [c.propertyName, c]));
  const column = (name: string) => {
    const c = columns.get(name);
    if (!c) throw new Error(`${String(entity.name)}.${name} is not a column`);
    return c;
  };
  return {
    value: (name: keyof E & string, value: unknown): unknown => driver.preparePersistentValue(value, column(name)),
    hydrated: (name: keyof E & string, value: unknown): unknown => driver.prepareHydratedValue(value, column(name)),
  };
}

const BACKSLASH_ESCAPES: Record<string, string> = { '\0': '\\0', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\x1a': '\\Z', "'": "\\'", '\\': '\\\\' };

/**
 * A value as mysql2 would write it into a statement (it formats statements on the client,
 * with backslash escapes), for the multi-row INSERTs, which are sent as text: mysql2's
 * formatter escapes value by value and walks every character of a string after the first one
 * it escapes, and the JSON explanations (~1 KB each, a few MB per statement) are full of `"`,
 * which needs no escape inside '…'. Strings are made with one native replace, numbers and
 * NULL directly; anything else (dates) by mysql2's own escaper with the connection's time zone.
 */
function mysqlLiteral(value: unknown, timezone: string): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/[\0\b\t\n\r\x1a'\\]/g, (c) => BACKSLASH_ESCAPES[c])}'`;
  return mysql.escape(value as never, false, timezone);
}

/**
 * Multi-row INSERTs of `rows` (the given columns), as few as the parameter and packet limits
 * allow, all made at once; the function returned runs them in order and gives, with
 * `returnIds`, the generated ids in the order of `rows` (RETURNING where the database has it,
 * else the first id and the count, as TypeORM does); with `update`, rows whose id exists are
 * written over in those columns instead (the upsert of each database). Made apart from
 * running, so that they can be made while the database runs the statement before. A value
 * identical to the same column's in the row before is prepared once (the timestamps, the
 * period, the actor).
 */
function insertStatements<E>(
  db: EntityManager,
  entity: new () => E,
  columns: readonly (keyof E & string)[],
  rows: readonly E[],
  options: {
    returnIds?: boolean;
    update?: readonly (keyof E & string)[];
    /** JSON columns whose text is given, already made (the same JSON.stringify TypeORM would do). */
    json?: Partial<Record<keyof E & string, (row: E) => string>>;
  } = {},
): () => Promise<number[]> {
  const { returnIds = false, update } = options;
  const json: NonNullable<typeof options.json> = options.json ?? {};
  const driver = db.connection.driver;
  const p = persisted(db, entity);
  const sqlite = db.connection.options.type === 'better-sqlite3';
  const timezone = (db.connection.options as { timezone?: string }).timezone ?? 'local';
  const returning = returnIds && !sqlite && driver.isReturningSqlSupported('insert');
  // MySQL statements are sent as text (no bound values): only their size limits them there.
  const maxRows = sqlite ? Math.max(1, Math.floor(SQLITE_PARAMS / columns.length)) : Infinity;
  const head = `INSERT INTO ${driver.escape(db.connection.getMetadata(entity).tableName)} (${columns.map((c) => driver.escape(c)).join(', ')}) VALUES `;
  // Rows that exist (their ids given) are written over: the given columns take the new values.
  const upsert = !update
    ? ''
    : sqlite
      ? ` ON CONFLICT (${driver.escape('id')}) DO UPDATE SET ${update.map((c) => `${driver.escape(c)} = excluded.${driver.escape(c)}`).join(', ')}`
      : ` ON DUPLICATE KEY UPDATE ${update.map((c) => `${driver.escape(c)} = VALUES(${driver.escape(c)})`).join(', ')}`;
  const tail = upsert + (returning ? ` RETURNING ${driver.escape('id')}` : '');
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const statements: { sql: string; values: unknown[]; count: number }[] = [];
  // SQLite binds the values; MySQL gets the statement as text, its tuples made here (appended
  // one value at a time: V8 joins the pieces once, when the statement is sent).
  let values: unknown[] = [];
  let tuples = '';
  let count = 0;
  let bytes = 0;
  const flush = () => {
    if (count === 0) return;
    statements.push(
      sqlite
        ? { sql: head + Array(count).fill(placeholders).join(', ') + tail, values, count }
        : // The tuples go in as one raw value, so that mysql2's formatter looks for placeholders
          // in the statement's head only, not through the megabytes of values (~30 ms a county).
          { sql: `${head}?${tail}`, values: [mysql.raw(tuples)], count },
    );
    values = [];
    tuples = '';
    count = 0;
    bytes = 0;
  };
  const last: unknown[] = columns.map(() => undefined);
  const prepared: unknown[] = columns.map(() => undefined);
  const literals: string[] = columns.map(() => '');
  const sizes: number[] = columns.map(() => 0);
  for (const row of rows) {
    let size = 0;
    const tuple: unknown[] = [];
    let text = '(';
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const raw = row[c];
      if (raw !== last[i] || raw === undefined) {
        const made = json[c];
        const v = made ? made(row) : p.value(c, raw);
        last[i] = raw;
        prepared[i] = v;
        literals[i] = sqlite ? '' : mysqlLiteral(v, timezone);
        // An upper bound of the bytes: UTF-8 takes at most 3 per UTF-16 unit.
        sizes[i] = sqlite ? (typeof v === 'string' ? 3 * v.length : 8) : 3 * literals[i].length + 2;
      }
      if (sqlite) tuple.push(prepared[i]);
      else text += i === 0 ? literals[i] : `, ${literals[i]}`;
      size += sizes[i];
    }
    if (count >= maxRows || (count > 0 && bytes + size > STATEMENT_BYTES)) flush();
    if (sqlite) values.push(...tuple);
    else tuples += count === 0 ? `${text})` : `, ${text})`;
    count += 1;
    bytes += size;
  }
  flush();
  return async () => {
    const ids: number[] = [];
    for (const statement of statements) {
      const result = await db.query(statement.sql, statement.values);
      if (!returnIds) continue;
      if (returning) for (const r of result as { id: number | string }[]) ids.push(Number(r.id));
      else {
        // SQLite gives the last rowid, MySQL the first generated id of the statement.
        const first = sqlite ? Number(result) - statement.count + 1 : Number((result as { insertId: number }).insertId);
        for (let i = 0; i < statement.count; i++) ids.push(first + i);
      }
    }
    return ids;
  };
}

/**
 * A statement sent now and awaited later, while other work is done: the database runs it in
 * the meantime (statements of one transaction queue on its connection, in order). A failure
 * is thrown where it is awaited, and is not left unhandled if that point is never reached.
 */
function sentAhead<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Lets a statement just sent reach the database before synchronous work holds the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The county a filter names at its top level (`countyId` / `countyCode` eq), as an SQL
 * expression for its id, else null. A `countyCode` filter, and a cadre's `countyId` (a
 * cadre's county is its department's), compile to a subquery per row; the same condition
 * put on an indexed column lets the database read only the county's rows. Redundant, so the
 * answer is the same.
 */
function countyOf(sql: QuerySql, filter: object | null | undefined): string | null {
  const f = filter as { countyId?: { eq?: unknown } | null; countyCode?: { eq?: unknown } | null } | null | undefined;
  const id = f?.countyId?.eq;
  if (typeof id === 'string' && /^\d+$/.test(id)) return sql.param(Number(id));
  const code = f?.countyCode?.eq;
  if (typeof code === 'string') return `(SELECT ${sql.col('id', 'hc')} FROM ${sql.table(County)} ${sql.esc('hc')} WHERE ${sql.col('code', 'hc')} = ${sql.param(code)})`;
  return null;
}

/** Cadres: the county's departments (an index range on cadre.departmentId) instead of every cadre of the region. */
function cadreCountyHint(sql: QuerySql, filter: object | null | undefined): string | null {
  const county = countyOf(sql, filter);
  return county && `${sql.col('departmentId')} IN (SELECT ${sql.col('id', 'hd')} FROM ${sql.table(Department)} ${sql.esc('hd')} WHERE ${sql.col('countyId', 'hd')} = ${county})`;
}

class AssessmentService extends RecordService<Assessment> {
  /**
   * Computes the assessments of the cadres matching `filter` for a period, as drafts
   * (confirmed ones stay as they are): a cadre's draft is kept unwritten and unaudited when it
   * would be stored again exactly as it is, given the new date and computing user alone when
   * nothing else moved, written over in place otherwise (same id, version + 1, an UPDATE event
   * each), made new when the cadre has none; an overridden draft is superseded by a new one.
   * Set-based: a fixed number of statements whatever the number of cadres (a county's drafts
   * are one statement, its events one more; none when nothing changed).
   */
  async compute(ctx: Context, filter: object | null | undefined, label: string, single?: string): Promise<Assessment[]> {
    this.assertRole(ctx);
    const period = periodOf(label);
    const asOf = assessmentDate(period);
    // Committed reads: the live drafts are locked below without locking the gaps between
    // them, so that computations of other counties' cadres never wait on this one.
    return inTransaction(ctx.db, async (db) => {
      const policy = await policyService.current(db);
      const policyId = policy.id ?? 0;

      const cq = ownRegionCadres(ctx, new ScopedQuery(ctx, cadreResource, db).filter(filter));
      const cs = cq.sql;
      const hint = cadreCountyHint(cs, filter);
      if (hint) cq.where(hint);
      // Every region's id, for the SELECT of the live drafts below (read with the cadres).
      const regionRows = sentAhead(db.createQueryBuilder(Region, 'r').withDeleted().select(new QuerySql(db, 'r', 'g').col('id'), 'id').getRawMany());
      const cadres = (
        await cq
          .builder()
          .innerJoin(Department, 'cd', `${cs.col('id', 'cd')} = ${cs.col('departmentId')}`)
          .select(cs.col('id'), 'id')
          .addSelect(cs.col('departmentId'), 'departmentId')
          .addSelect(cs.col('regionId', 'cd'), 'regionId')
          .addSelect(cs.col('countyId', 'cd'), 'countyId')
          .orderBy(cs.col('id'), 'ASC')
          .getRawMany()
      ).map((c) => ({ id: num(c.id), departmentId: num(c.departmentId), regionId: num(c.regionId), countyId: c.countyId == null ? null : num(c.countyId) }));
      if (single !== undefined && cadres.length === 0) throw errors.notFound(entityLabel('Cadre'), single);
      if (cadres.length === 0) return [];
      const ids = cadres.map((c) => c.id);

      // The live drafts of these cadres for the period. They are found on the (regionId,
      // period, deletedAt, cadreId, …) index, with a condition on the regions (all of them:
      // always true, also for a draft filed under a region the cadre has since left) that makes
      // it an index range — MariaDB turns a long IN list into a subquery — and joined to their
      // rows by primary key for the digest, the figures an UPDATE event compares and the
      // bookkeeping, not by the cadre: with the cadre condition on the rows MariaDB may take the
      // (cadreId, period) index and read every earlier version's row. On MySQL they are locked
      // (the transaction reads committed rows, so no gaps are locked): a confirmation or an
      // override of one of them waits for this computation, then finds its version moved on.
      // Sent behind the facts' statements: the database reads them while Node sorts out the facts.
      const ws = new QuerySql(db, 's', 'w');
      const regions = (await regionRows).map((r) => num(r.id));
      const gathered = this.gather(ctx, db, ids, period, asOf);
      const liveRows = sentAhead(
        ws.run(
          `SELECT ${ws.col('id')} AS ${ws.esc('id')}, ${ws.col('cadreId')} AS ${ws.esc('cadreId')}, ${ws.col('regionId')} AS ${ws.esc('regionId')}, ${ws.col('countyId')} AS ${ws.esc('countyId')},
                  ${ws.col('overrideTier')} AS ${ws.esc('overrideTier')}, ${ws.col('fingerprint', 'r')} AS ${ws.esc('fingerprint')}, ${ws.col('version', 'r')} AS ${ws.esc('version')},
                  ${ws.col('createdAt', 'r')} AS ${ws.esc('createdAt')}, ${ws.col('updatedAt', 'r')} AS ${ws.esc('updatedAt')},
                  ${AUDITED_COLUMNS.map((c) => `${ws.col(c, 'r')} AS ${ws.esc(c)}`).join(', ')}
           FROM ${ws.table(Assessment)} ${ws.esc('s')}
           INNER JOIN ${ws.table(Assessment)} ${ws.esc('r')} ON ${ws.col('id', 'r')} = ${ws.col('id')}
           WHERE ${ws.col('regionId')} IN ${ws.list(regions)} AND ${ws.col('period')} = ${ws.param(period.label)} AND ${ws.col('deletedAt')} IS NULL
             AND ${ws.col('cadreId')} IN ${ws.list(ids)} AND ${ws.col('status')} = ${ws.param(AssessmentStatus.DRAFT)}
           ORDER BY ${ws.col('id')}${ws.isSqlite ? '' : ' FOR UPDATE'}`,
        ),
      );
      const facts = await gathered;
      const now = new Date();
      const computedById = ctx.principal!.userId;
      const rows: Assessment[] = [];
      /** Each row's explanation as stored: packed, as JSON (made once, for the digest and the writes). */
      const storedJson = new Map<Assessment, string>();
      for (const cadre of cadres) {
        const f = facts.get(cadre.id)!;
        const explanation = assessCadre(policy, { policyId, asOf, periodFrom: period.from, periodTo: period.to, ...f });
        if (!explanation) continue;
        const score = (kind: AssessmentComponentKind) => explanation.components.find((c) => c.kind === kind)!.value;
        // A plain object with every column (what TypeORM would hydrate): made in one allocation.
        const row: Assessment = {
          id: 0, // given below: the draft's it replaces, or the new row's
          createdAt: now,
          updatedAt: now,
          version: 1,
          deletedAt: null,
          cadreId: cadre.id,
          regionId: cadre.regionId,
          countyId: cadre.countyId,
          departmentId: cadre.departmentId,
          period: period.label,
          asOf,
          policyId,
          targetScore: score(AssessmentComponentKind.TARGET),
          timelinessScore: score(AssessmentComponentKind.TIMELINESS),
          inspectionScore: score(AssessmentComponentKind.INSPECTION),
          democraticScore: score(AssessmentComponentKind.DEMOCRATIC),
          penalty: explanation.penalty,
          total: explanation.total,
          computedTier: explanation.tier,
          tierRule: explanation.rule,
          overrideTier: null,
          overrideReason: null,
          overriddenById: null,
          status: AssessmentStatus.DRAFT,
          confirmedAt: null,
          confirmedById: null,
          computedById,
          explanation: packExplanation(explanation),
          fingerprint: null,
        };
        // The digest of what the row states besides its stamp (the date and who computed it):
        // its unit and the packed explanation, which holds every figure, the policy and what
        // they were computed from. Equal digests: the same draft, but for the stamp.
        const json = JSON.stringify(row.explanation);
        row.fingerprint = hash('sha256', `${row.regionId}/${row.countyId}/${row.departmentId}/${row.period}/${json}`).slice(0, 32);
        storedJson.set(row, json);
        rows.push(row);
      }
      if (single !== undefined && rows.length === 0) throw errors.badInput('cadreId', 'nothingToAssess', { period: period.label });

      const am = persisted(db, Assessment);
      const audit = {
        at: now,
        actorId: ctx.principal!.userId,
        actorName: ctx.principal!.username,
        entityType: 'Assessment',
        requestId: ctx.requestId,
        ip: ctx.ip,
      };
      const live = (await liveRows).map((r) => {
        const figures = AUDITED_COLUMNS.map((c) => am.hydrated(c, r[c]) ?? null);
        return {
          id: num(r.id),
          cadreId: num(r.cadreId),
          regionId: num(r.regionId),
          countyId: r.countyId == null ? null : num(r.countyId),
          overridden: r.overrideTier != null,
          fingerprint: r.fingerprint as string | null,
          version: num(r.version),
          createdAt: am.hydrated('createdAt', r.createdAt) as Date,
          updatedAt: am.hydrated('updatedAt', r.updatedAt) as Date,
          figures,
          asOf: figures[AUDITED_COLUMNS.indexOf('asOf')] as string,
          computedById: figures[AUDITED_COLUMNS.indexOf('computedById')] as number | null,
        };
      });
      type Live = (typeof live)[number];
      // Per cadre, its newest live draft not overridden and filed where the cadre is now:
      // - the same content and stamp: kept — no write, no event;
      // - the same content, another date or computing user (a day later, nothing moved): the
      //   new stamp is set (one narrow UPDATE for all of them) — version + 1, an UPDATE event;
      // - other content: written over in place — same id, version + 1, an UPDATE event with the
      //   figures that moved;
      // - none: a new draft.
      // Every other live draft of these cadres — overridden (a reviewer's tier stays with the
      // figures it was given for), or filed in another county — is superseded: soft-deleted,
      // audited, kept.
      const liveOf = new Map<number, Live[]>();
      for (const d of live) liveOf.set(d.cadreId, [...(liveOf.get(d.cadreId) ?? []), d]);
      const used = new Set<number>();
      const fresh: Assessment[] = [];
      const restamped: { row: Assessment; before: Live }[] = [];
      const rewritten: { row: Assessment; before: Live }[] = [];
      for (const row of rows) {
        const earlier = [...(liveOf.get(row.cadreId) ?? [])].reverse().find((d) => !d.overridden && d.regionId === row.regionId && d.countyId === row.countyId);
        if (!earlier) {
          fresh.push(row);
          continue;
        }
        used.add(earlier.id);
        const sameContent = earlier.fingerprint === row.fingerprint;
        if (sameContent && earlier.asOf === row.asOf && earlier.computedById === row.computedById) {
          Object.assign(row, { id: earlier.id, version: earlier.version, createdAt: earlier.createdAt, updatedAt: earlier.updatedAt });
          continue;
        }
        Object.assign(row, { id: earlier.id, version: earlier.version + 1, createdAt: earlier.createdAt });
        (sameContent ? restamped : rewritten).push({ row, before: earlier });
      }
      const superseded = live.filter((d) => !used.has(d.id));

      // The writes, each sent as soon as it is made, the next one made while the database runs
      // the one before (statements of one transaction queue on its connection, in order).
      const draftOnly = (s: QuerySql) => `${s.esc('status')} = ${s.param(AssessmentStatus.DRAFT)} AND ${s.esc('deletedAt')} IS NULL`;
      const writes: Promise<unknown>[] = [];
      if (superseded.length) {
        const us = new QuerySql(db, 's', 'u');
        writes.push(sentAhead(us.run(
          `UPDATE ${us.table(Assessment)} SET ${us.esc('deletedAt')} = ${us.param(am.value('deletedAt', now))}, ${us.esc('updatedAt')} = ${us.param(am.value('updatedAt', now))}, ${us.esc('version')} = ${us.esc('version')} + 1
           WHERE ${us.esc('id')} IN ${us.list(superseded.map((a) => a.id))} AND ${draftOnly(us)}`,
        )));
      }
      if (restamped.length) {
        const rs = new QuerySql(db, 's', 'p');
        writes.push(sentAhead(rs.run(
          `UPDATE ${rs.table(Assessment)} SET ${rs.esc('asOf')} = ${rs.param(am.value('asOf', asOf))}, ${rs.esc('computedById')} = ${rs.param(computedById)}, ${rs.esc('updatedAt')} = ${rs.param(am.value('updatedAt', now))}, ${rs.esc('version')} = ${rs.esc('version')} + 1
           WHERE ${rs.esc('id')} IN ${rs.list(restamped.map((r) => r.row.id))} AND ${draftOnly(rs)}`,
        )));
      }
      if (writes.length) await nextTurn();
      const json = (row: Assessment) => storedJson.get(row)!;
      if (rewritten.length) {
        const rewrite = insertStatements(db, Assessment, ['id', ...ASSESSMENT_COLUMNS], rewritten.map((r) => r.row), { update: REWRITTEN_COLUMNS, json: { explanation: json } });
        writes.push(sentAhead(rewrite()));
        await nextTurn();
      }
      // Their events, made while those run; then the new drafts, whose ids come back with them.
      const deleted = { deletedAt: { before: null, after: now.toISOString() } };
      const updateEvent = ({ row, before }: { row: Assessment; before: Live }) => {
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        AUDITED_COLUMNS.forEach((c, i) => {
          const after = row[c] ?? null;
          if (before.figures[i] !== after) changes[c] = { before: before.figures[i], after };
        });
        // No figure moved, only what the explanation shows (a target's title, a vote's
        // details): it is named with the digests of the two versions' content.
        if (Object.keys(changes).length === 0) changes.explanation = { before: before.fingerprint, after: row.fingerprint };
        return { ...audit, action: AuditAction.UPDATE, entityId: row.id, regionId: row.regionId, countyId: row.countyId ?? null, changes };
      };
      const events: object[] = [
        ...superseded.map((a) => ({ ...audit, action: AuditAction.DELETE, entityId: a.id, regionId: a.regionId, countyId: a.countyId, changes: deleted })),
        ...restamped.map(updateEvent),
        ...rewritten.map(updateEvent),
      ];
      // Queued behind the writes (without new drafts, nothing is sent and the events go right
      // behind them); a failed write is thrown below, and the transaction rolled back.
      const ids$ = await insertStatements(db, Assessment, ASSESSMENT_COLUMNS, fresh, { returnIds: true, json: { explanation: json } })();
      fresh.forEach((row, i) => (row.id = ids$[i]));
      for (const a of fresh) {
        events.push({
          ...audit,
          action: AuditAction.CREATE,
          entityId: a.id,
          regionId: a.regionId,
          countyId: a.countyId ?? null,
          changes: {
            cadreId: { before: null, after: a.cadreId },
            period: { before: null, after: a.period },
            total: { before: null, after: a.total },
            computedTier: { before: null, after: a.computedTier },
            policyId: { before: null, after: a.policyId },
          },
        });
      }
      await insertStatements(db, AuditEvent, AUDIT_COLUMNS, events as never[])();
      await Promise.all(writes);
      return rows;
    }, 'READ COMMITTED');
  }

  /** What each cadre's assessment is computed from: four statements for any number of cadres. */
  private async gather(ctx: Context, db: EntityManager, ids: number[], period: Period, asOf: string): Promise<Map<number, CadreFactsOnly>> {
    const facts = new Map(ids.map((id) => [id, { targets: [] as ExplainedTarget[], inspections: [] as ExplainedInspection[], evaluations: [] as CadreFacts['evaluations'], accountabilities: [] as CadreFacts['accountabilities'] }]));

    // The cadre's own targets with a deadline in the period, with progress and status as of asOf.
    const tq = new ScopedQuery(ctx, targetResource, db);
    const ts = tq.sql;
    const a = (column: string) => ts.col(column, 'a');
    const inPeriod = (col: (c: string) => string) => `${col('deadline')} >= ${ts.param(period.from)} AND ${col('deadline')} <= ${ts.param(period.to)}`;
    const metrics = targetMetricsSql(ts, asOf, `${a('responsibleCadreId')} IN ${ts.list(ids)} AND ${inPeriod(a)}`);
    tq.where(`${ts.col('responsibleCadreId')} IN ${ts.list(ids)} AND ${inPeriod((c) => ts.col(c))}`);
    ownOf(tq, 'responsibleCadreId');
    // The targets, evaluations and accountability records are sent at once (they queue on the
    // transaction's connection): the database reads the latter while the targets are sorted out.
    const targetQuery = sentAhead(
      tq
        .builder()
        .innerJoin(`(${metrics})`, 'tm', `${ts.col('targetId', 'tm')} = ${ts.col('id')}`)
        .setParameters(ts.params)
        .select(ts.col('id'), 'id')
        .addSelect(ts.col('responsibleCadreId'), 'cadreId')
        .addSelect(ts.col('title'), 'title')
        .addSelect(ts.col('deadline'), 'deadline')
        .addSelect(ts.col('weight'), 'weight')
        .addSelect(ts.col('progress', 'tm'), 'progress')
        .addSelect(ts.col('status', 'tm'), 'status')
        .addSelect(ts.col('completedOn', 'tm'), 'completedOn')
        .addSelect(ts.col('path'), 'path')
        .orderBy(ts.col('deadline'), 'ASC')
        .addOrderBy(ts.col('id'), 'ASC')
        .getRawMany(),
    );
    const evaluationQuery = sentAhead(this.evaluationsOf(ctx, db, ids, period));
    const accountabilityQuery = sentAhead(this.accountabilitiesOf(ctx, db, ids, period));
    const targetRows = await targetQuery;
    // A target's path names it and every target above it (`/root/…/id/`): the inspections
    // of those count for its cadre, each once.
    const cadresOfTarget = new Map<number, Set<number>>();
    for (const t of targetRows) {
      const cadreId = num(t.cadreId);
      facts.get(cadreId)!.targets.push({
        targetId: num(t.id),
        title: t.title,
        deadline: dateText(t.deadline),
        weight: num(t.weight),
        progress: Math.round(num(t.progress) * 1e6) / 1e6,
        status: t.status as TargetStatus,
        completedOn: t.completedOn == null ? null : dateText(t.completedOn),
        onTime: t.status === TargetStatus.COMPLETED,
      });
      for (const id of [...String(t.path).split('/').filter(Boolean).map(Number), num(t.id)]) {
        const set = cadresOfTarget.get(id) ?? new Set<number>();
        set.add(cadreId);
        cadresOfTarget.set(id, set);
      }
    }

    // Inspections in the period of those targets or of a target above one (a county target's
    // inspection covers the tasks under it), each counted once per cadre: an index range on
    // inspection(targetId, inspectedOn) for the targets named by the paths.
    const iq = new ScopedQuery(ctx, inspectionResource, db);
    const is = iq.sql;
    const covered = [...cadresOfTarget.keys()];
    iq.where(`${is.col('targetId')} IN ${is.list(covered.length ? covered : [0])}`);
    iq.where(`${is.col('inspectedOn')} >= ${is.param(period.from)} AND ${is.col('inspectedOn')} <= ${is.param(asOf)}`);
    const overdue = rectificationOverdueSql(is, asOf);
    const inspectionRows = await iq
      .builder()
      .select(is.col('id'), 'id')
      .addSelect(is.col('targetId'), 'targetId')
      .addSelect(is.col('inspectedOn'), 'inspectedOn')
      .addSelect(is.col('rating'), 'rating')
      .addSelect(`CASE WHEN ${overdue} THEN 1 ELSE 0 END`, 'overdue')
      .orderBy(is.col('inspectedOn'), 'ASC')
      .addOrderBy(is.col('id'), 'ASC')
      .getRawMany();
    for (const i of inspectionRows) {
      const inspection = { inspectionId: num(i.id), targetId: num(i.targetId), inspectedOn: dateText(i.inspectedOn), rating: num(i.rating), rectificationOverdue: num(i.overdue) === 1 };
      for (const cadreId of cadresOfTarget.get(inspection.targetId) ?? []) facts.get(cadreId)!.inspections.push({ ...inspection });
    }

    const evaluationRows = await evaluationQuery;
    for (const e of evaluationRows) {
      facts.get(num(e.cadreId))!.evaluations.push({ evaluationId: num(e.id), period: e.period, excellent: num(e.excellent), competent: num(e.competent), basicallyCompetent: num(e.basicallyCompetent), incompetent: num(e.incompetent) });
    }

    const accountabilityRows = await accountabilityQuery;
    for (const r of accountabilityRows) {
      facts.get(num(r.cadreId))!.accountabilities.push({ accountabilityId: num(r.id), targetId: r.targetId == null ? null : num(r.targetId), decidedOn: dateText(r.decidedOn), measure: r.measure, reason: r.reason });
    }
    return facts;
  }

  /** Democratic evaluations of periods within this one. */
  private evaluationsOf(ctx: Context, db: EntityManager, ids: number[], period: Period): Promise<Record<string, any>[]> {
    const eq = new ScopedQuery(ctx, evaluationResource, db);
    eq.where(`${eq.sql.col('cadreId')} IN ${eq.sql.list(ids)} AND ${eq.sql.col('periodFrom')} >= ${eq.sql.param(period.from)} AND ${eq.sql.col('periodTo')} <= ${eq.sql.param(period.to)}`);
    const es = eq.sql;
    return ['cadreId', 'period', 'excellent', 'competent', 'basicallyCompetent', 'incompetent']
      .reduce((qb, c) => qb.addSelect(es.col(c), c), eq.builder().select(es.col('id'), 'id'))
      .orderBy(es.col('periodFrom'), 'ASC')
      .addOrderBy(es.col('id'), 'ASC')
      .getRawMany();
  }

  /** Accountability decided in the period. */
  private accountabilitiesOf(ctx: Context, db: EntityManager, ids: number[], period: Period): Promise<Record<string, any>[]> {
    const aq = new ScopedQuery(ctx, accountabilityResource, db);
    aq.where(`${aq.sql.col('cadreId')} IN ${aq.sql.list(ids)} AND ${aq.sql.col('decidedOn')} >= ${aq.sql.param(period.from)} AND ${aq.sql.col('decidedOn')} <= ${aq.sql.param(period.to)}`);
    const as = aq.sql;
    return ['cadreId', 'targetId', 'decidedOn', 'measure', 'reason']
      .reduce((qb, c) => qb.addSelect(as.col(c), c), aq.builder().select(as.col('id'), 'id'))
      .orderBy(as.col('decidedOn'), 'ASC')
      .addOrderBy(as.col('id'), 'ASC')
      .getRawMany();
  }

  /** A reviewer's tier, with the reason required: an audited change of a draft. */
  async overrideTier(ctx: Context, id: string, input: OverrideAssessmentTierInput): Promise<Assessment> {
    this.assertRole(ctx);
    const reason = input.reason?.trim() ? input.reason : null;
    if (!reason) throw errors.badInput('reason', 'overrideNeedsReason');
    return inTransaction(ctx.db, async (db) => {
      const current = await this.draft(ctx, db, id);
      return this.applyChange(ctx, db, current, input.version, { overrideTier: input.tier, overrideReason: reason, overriddenById: ctx.principal!.userId });
    });
  }

  /** Freezes a draft: nothing changes a confirmed assessment afterwards. */
  async confirm(ctx: Context, id: string, version: number): Promise<Assessment> {
    this.assertRole(ctx);
    return inTransaction(ctx.db, async (db) => {
      const current = await this.draft(ctx, db, id);
      return this.applyChange(ctx, db, current, version, { status: AssessmentStatus.CONFIRMED, confirmedAt: new Date(), confirmedById: ctx.principal!.userId });
    });
  }

  private async draft(ctx: Context, db: EntityManager, id: string): Promise<Assessment> {
    const current = await this.visibleOrNotFound(ctx, db, id);
    this.assertInScope(ctx, await this.def.locate(db, current));
    if (current.status !== AssessmentStatus.DRAFT) throw errors.badInput('id', 'assessmentConfirmed');
    return current;
  }

  protected override async beforeRemove(_ctx: Context, _db: EntityManager, row: Assessment): Promise<void> {
    if (row.status !== AssessmentStatus.DRAFT) throw errors.badInput('id', 'assessmentConfirmed');
  }

  /**
   * Cadres ranked within the filter (a department, a county, the region) by their current
   * assessment of the period — the latest confirmed one, else the latest draft — best tier
   * first, then total.
   */
  async ranking(ctx: Context, label: string, filter: object | null | undefined, withEntries = true): Promise<AssessmentRanking> {
    const period = periodOf(label);
    const wide = regionWide(ctx);
    const q = ownRegion(ctx, new ScopedQuery(wide, assessmentResource, ctx.db.manager, { aggregate: true }).filter(filter));
    const s = q.sql;
    q.where(`${s.col('period')} = ${s.param(period.label)}`);
    // The window and what the entries show come from the (regionId, period, deletedAt, cadreId,
    // status, countyId, departmentId, computedTier, overrideTier, total) index alone, not from
    // the rows with their explanations (a county given by code is also compared on the indexed
    // countyId). STRAIGHT_JOIN (MySQL) reads the window first: MariaDB misjudges its size and
    // may start from every cadre of the region instead.
    const county = countyOf(s, filter);
    if (county) q.where(`${s.col('countyId')} = ${county}`);
    const latest = `ROW_NUMBER() OVER (PARTITION BY ${s.col('cadreId')} ORDER BY CASE WHEN ${s.col('status')} = '${AssessmentStatus.CONFIRMED}' THEN 0 ELSE 1 END, ${s.col('id')} DESC)`;
    const carried = ['id', 'cadreId', 'departmentId', 'countyId', 'computedTier', 'overrideTier', 'total', 'status'];
    const window = carried.reduce((qb, c) => qb.addSelect(s.col(c), c), q.builder().select(latest, 'rn')).getQuery();
    if (!withEntries) {
      // Only the tier counts asked for: counted in SQL over the same window, no entry built.
      const own = ctx.scope.level === 'COUNTY' ? ` AND ${s.col('countyId', 'w')} = ${s.param(ctx.scope.countyId)}` : '';
      const tier = `COALESCE(${s.col('overrideTier', 'w')}, ${s.col('computedTier', 'w')})`;
      const counted = await s.run<{ tier: string; n: number | string }>(
        `SELECT ${tier} AS ${s.esc('tier')}, COUNT(*) AS ${s.esc('n')} FROM (${window}) ${s.esc('w')} WHERE ${s.col('rn', 'w')} = 1${own} GROUP BY ${tier}`,
      );
      const byTier = new Map(counted.map((r) => [r.tier, num(r.n)]));
      return { period: period.label, tierCounts: TIERS.map((t) => ({ tier: t, count: byTier.get(t) ?? 0 })), entries: [] };
    }
    const rows = await s.run<Record<string, any>>(
      `SELECT ${s.isSqlite ? '' : 'STRAIGHT_JOIN '}${carried.map((c) => `${s.col(c, 'w')} AS ${s.esc(c)}`).join(', ')},
              ${s.col('name', 'k')} AS ${s.esc('cadreName')}, ${s.col('position', 'k')} AS ${s.esc('position')},
              ${s.col('name', 'd')} AS ${s.esc('departmentName')}, ${s.col('name', 'c')} AS ${s.esc('countyName')}
       FROM (${window}) ${s.esc('w')}
       INNER JOIN ${s.table(Cadre)} ${s.esc('k')} ON ${s.col('id', 'k')} = ${s.col('cadreId', 'w')}
       INNER JOIN ${s.table(Department)} ${s.esc('d')} ON ${s.col('id', 'd')} = ${s.col('departmentId', 'w')}
       LEFT JOIN ${s.table(County)} ${s.esc('c')} ON ${s.col('id', 'c')} = ${s.col('countyId', 'w')}
       WHERE ${s.col('rn', 'w')} = 1`,
    );
    const entries: AssessmentRankingEntry[] = rows.map((r) => ({
      rank: 0,
      assessmentId: num(r.id),
      cadreId: num(r.cadreId),
      cadreName: r.cadreName,
      position: r.position ?? null,
      departmentId: num(r.departmentId),
      departmentName: r.departmentName,
      countyId: r.countyId == null ? null : num(r.countyId),
      countyName: r.countyName ?? null,
      tier: (r.overrideTier ?? r.computedTier) as AssessmentTier,
      computedTier: r.computedTier as AssessmentTier,
      total: r6(num(r.total)),
      status: r.status as AssessmentStatus,
    }));
    entries.sort((x, y) => TIERS.indexOf(x.tier) - TIERS.indexOf(y.tier) || y.total - x.total || x.cadreId - y.cadreId);
    entries.forEach((e, i) => (e.rank = i + 1));
    const visible = ctx.scope.level === 'COUNTY' ? entries.filter((e) => e.countyId === (ctx.scope as { countyId: number }).countyId) : entries;
    return { period: period.label, tierCounts: tierCounts(visible.map((e) => e.tier)), entries: visible };
  }

  /**
   * Counties or departments on the same components as cadres, over their own targets with a
   * deadline in the period, the votes of their cadres' evaluations, and their cadres'
   * accountability penalties per cadre. Five aggregate statements and the unit names.
   */
  async units(ctx: Context, label: string, level: ScoreboardLevel): Promise<UnitAssessments> {
    const period = periodOf(label);
    const asOf = assessmentDate(period);
    const wide = regionWide(ctx);
    const db = ctx.db.manager;
    const policy: PolicyValues = await policyService.current(db);
    const county = level === ScoreboardLevel.COUNTY;
    const targetUnit = county ? 'countyId' : 'responsibleDepartmentId';
    const recordUnit = county ? 'countyId' : 'departmentId';

    const tq = ownRegion(ctx, new ScopedQuery(wide, targetResource, db, { aggregate: true }));
    const ts = tq.sql;
    const a = (column: string) => ts.col(column, 'a');
    const due = (col: (c: string) => string) => `${col(targetUnit)} IS NOT NULL AND ${col('deadline')} >= ${ts.param(period.from)} AND ${col('deadline')} <= ${ts.param(period.to)}`;
    const metrics = targetMetricsSql(ts, asOf, due(a));
    tq.where(due((c) => ts.col(c)));
    ownOf(tq, targetUnit);
    const x = (c: string) => ts.col(c);
    const tm = (c: string) => ts.col(c, 'tm');
    const targetRows = await tq
      .builder()
      .innerJoin(`(${metrics})`, 'tm', `${tm('targetId')} = ${x('id')}`)
      .setParameters(ts.params)
      .select(x(targetUnit), 'unitId')
      .addSelect('COUNT(*)', 'targets')
      .addSelect('SUM(' + x('weight') + ')', 'w')
      .addSelect(`SUM(${x('weight')} * ${tm('progress')})`, 'wp')
      .addSelect(`SUM(CASE WHEN ${tm('status')} = '${TargetStatus.COMPLETED}' THEN ${x('weight')} ELSE 0 END)`, 'wOnTime')
      .groupBy(x(targetUnit))
      .getRawMany();

    const iq = ownRegion(ctx, new ScopedQuery(wide, inspectionResource, db, { aggregate: true }));
    const is = iq.sql;
    iq.where(`${is.col(recordUnit)} IS NOT NULL AND ${is.col('inspectedOn')} >= ${is.param(period.from)} AND ${is.col('inspectedOn')} <= ${is.param(asOf)}`);
    const overdue = rectificationOverdueSql(is, asOf);
    const inspectionRows = await iq
      .builder()
      .select(is.col(recordUnit), 'unitId')
      .addSelect(`AVG(${is.col('rating')})`, 'rating')
      .addSelect(`SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END)`, 'overdue')
      .groupBy(is.col(recordUnit))
      .getRawMany();

    const eq = ownRegion(ctx, new ScopedQuery(wide, evaluationResource, db, { aggregate: true }));
    const es = eq.sql;
    eq.where(`${es.col(recordUnit)} IS NOT NULL AND ${es.col('periodFrom')} >= ${es.param(period.from)} AND ${es.col('periodTo')} <= ${es.param(period.to)}`);
    const voteRows = await eq
      .builder()
      .select(es.col(recordUnit), 'unitId')
      .addSelect(`SUM(${es.col('excellent')})`, 'excellent')
      .addSelect(`SUM(${es.col('competent')})`, 'competent')
      .addSelect(`SUM(${es.col('basicallyCompetent')})`, 'basicallyCompetent')
      .addSelect(`SUM(${es.col('incompetent')})`, 'incompetent')
      .groupBy(es.col(recordUnit))
      .getRawMany();

    const pq = ownRegion(ctx, new ScopedQuery(wide, accountabilityResource, db, { aggregate: true }));
    const ps = pq.sql;
    pq.where(`${ps.col(recordUnit)} IS NOT NULL AND ${ps.col('decidedOn')} >= ${ps.param(period.from)} AND ${ps.col('decidedOn')} <= ${ps.param(period.to)}`);
    const points = Object.values(AccountabilityMeasure)
      .map((m) => `WHEN ${ps.param(m)} THEN ${ps.param(penaltyOf(policy, m))}`)
      .join(' ');
    const penaltyRows = await pq
      .builder()
      .select(ps.col(recordUnit), 'unitId')
      .addSelect(`SUM(CASE ${ps.col('measure')} ${points} ELSE 0 END)`, 'penalty')
      .groupBy(ps.col(recordUnit))
      .getRawMany();

    const kq = ownRegionCadres(ctx, new ScopedQuery(wide, cadreResource, db, { aggregate: true }));
    const ks = kq.sql;
    const cadreUnit = county ? ks.col('countyId', 'kd') : ks.col('departmentId');
    const cadreRows = await kq
      .builder()
      .innerJoin(Department, 'kd', `${ks.col('id', 'kd')} = ${ks.col('departmentId')}`)
      .select(cadreUnit, 'unitId')
      .addSelect('COUNT(*)', 'cadres')
      .groupBy(cadreUnit)
      .getRawMany();

    const byUnit = <T extends { unitId: unknown }>(list: T[]) => new Map(list.filter((r) => r.unitId != null).map((r) => [num(r.unitId), r]));
    const [targets, inspections, votes, penalties, cadres] = [byUnit(targetRows), byUnit(inspectionRows), byUnit(voteRows), byUnit(penaltyRows), byUnit(cadreRows)];
    const unitIds = new Set([...targets.keys(), ...votes.keys()]);
    const units = county
      ? (await listPage(wide, countyResource, { limit: 500, orderBy: [{ field: 'CODE', direction: 'ASC' as never }], filter: ctx.scope.level === 'ALL' && ctx.principal?.regionId != null ? { regionId: { eq: String(ctx.principal.regionId) } } : {} }, { aggregate: true })).items.map((c) => ({ id: c.id, name: c.name, countyId: c.id as number | null }))
      : (await loadByIds(wide, departmentResource, [...unitIds], db, { aggregate: true })).flatMap((d) => (d ? [{ id: d.id, name: d.name, countyId: d.countyId }] : []));

    const entries: UnitAssessment[] = units.map((u) => {
      const t = targets.get(u.id);
      const w = num(t?.w);
      const i = inspections.get(u.id);
      const v = votes.get(u.id);
      const cadreCount = num(cadres.get(u.id)?.cadres);
      const inspection = t ? Math.max(0, (i ? num(i.rating) : 100) - policy.openRectificationPenalty * num(i?.overdue)) : null;
      const democratic = v ? voteScore(policy, { excellent: num(v.excellent), competent: num(v.competent), basicallyCompetent: num(v.basicallyCompetent), incompetent: num(v.incompetent) }) : null;
      const values = {
        target: t && w > 0 ? (100 * num(t.wp)) / w : null,
        timeliness: t && w > 0 ? (100 * num(t.wOnTime)) / w : null,
        inspection,
        democratic,
      };
      const penalty = cadreCount > 0 ? num(penalties.get(u.id)?.penalty) / cadreCount : 0;
      const nothing = values.target === null && values.democratic === null;
      const combined = combine(policy, values, penalty, { removal: false, incompetent: 0, votes: 0 });
      const value = (kind: AssessmentComponentKind) => combined.components.find((c) => c.kind === kind)!.value;
      return {
        rank: 0,
        unitId: u.id,
        unitName: u.name,
        countyId: u.countyId,
        targets: num(t?.targets),
        cadres: cadreCount,
        targetScore: value(AssessmentComponentKind.TARGET),
        timelinessScore: value(AssessmentComponentKind.TIMELINESS),
        inspectionScore: value(AssessmentComponentKind.INSPECTION),
        democraticScore: value(AssessmentComponentKind.DEMOCRATIC),
        penalty: r6(penalty),
        total: nothing ? null : combined.total,
        tier: nothing ? null : combined.tier,
        components: combined.components,
      };
    });
    entries.sort((p, q) => (q.total ?? -Infinity) - (p.total ?? -Infinity) || p.unitId - q.unitId);
    entries.forEach((e, i) => (e.rank = i + 1));
    const visible = ctx.scope.level === 'COUNTY' ? entries.filter((e) => e.countyId === (ctx.scope as { countyId: number }).countyId) : entries;
    return { period: period.label, level, asOf, tierCounts: tierCounts(visible.map((e) => e.tier)), entries: visible };
  }
}

export const assessmentService = new AssessmentService(assessmentResource);
