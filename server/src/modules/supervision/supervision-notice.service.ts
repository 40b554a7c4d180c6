import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { addDays, today } from '../../common/dates.js';
import { errors } from '../../common/errors.js';
import { requestStore } from '../../common/i18n.js';
import { ScopedQuery } from '../../common/query/list.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { policyService } from '../policy/policy.service.js';
import { Target, TargetStatus, WarningLevel } from '../targets/target.entity.js';
import { targetResource, targetService } from '../targets/target.service.js';
import { NOTICE_LADDER, NoticeLevel, SupervisionNotice } from './supervision-notice.entity.js';
import {
  noticeQuery,
  type IssueSupervisionNoticeInput,
  type RespondToSupervisionNoticeInput,
  type SuggestedNotice,
  type UpdateSupervisionNoticeInput,
} from './supervision-notice.inputs.js';

export const noticeResource: ResourceDef<SupervisionNotice> = {
  type: 'SupervisionNotice',
  entity: SupervisionNotice,
  query: noticeQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId ?? null }),
  writableBy: [Role.ADMIN, Role.REGIONAL],
  parents: [{ type: 'Target', entity: Target, column: 'targetId' }],
};

const ISSUERS = [Role.ADMIN, Role.REGIONAL];

const LEVEL_NAMES: Record<NoticeLevel, { zh: string; en: string }> = {
  REMINDER: { zh: '提醒', en: 'reminder' },
  URGE: { zh: '催办', en: 'urging notice' },
  BLUE: { zh: '蓝色督办单', en: 'blue notice' },
  YELLOW: { zh: '黄色督办单', en: 'yellow notice' },
  RED: { zh: '红色督办单', en: 'red notice' },
};
const RESPONDERS = [Role.ADMIN, Role.REGIONAL, Role.COUNTY];

const rungName = (level: NoticeLevel) => (requestStore.getStore()?.lang === 'en' ? LEVEL_NAMES[level].en : LEVEL_NAMES[level].zh);

/** The rung after `last` (RED stays RED); the first rung depends on how far behind the target is. */
export function nextRung(last: NoticeLevel | null, warning: WarningLevel): NoticeLevel {
  if (!last) return warning === WarningLevel.RED ? NoticeLevel.URGE : NoticeLevel.REMINDER;
  return NOTICE_LADDER[Math.min(NOTICE_LADDER.indexOf(last) + 1, NOTICE_LADDER.length - 1)];
}

class NoticeService extends RecordService<SupervisionNotice, IssueSupervisionNoticeInput, UpdateSupervisionNoticeInput> {
  /**
   * A notice follows the ladder: on a lagging target, the next rung. One on a GREEN target,
   * or one that skips rungs, needs the issuer's recorded reason. A notice can be corrected
   * until it is answered; the same rules apply to the corrected one.
   */
  protected override async prepare(ctx: Context, db: EntityManager, input: Partial<Record<keyof SupervisionNotice, unknown>>, current: SupervisionNotice | null) {
    if (current?.respondedOn) throw errors.badInput('id', 'noticeAnswered', { date: current.respondedOn });
    const target = current
      ? await db.findOneOrFail(Target, { where: { id: current.targetId }, withDeleted: true })
      : await this.reference(ctx, db, targetResource, input.targetId, 'targetId');
    const issuedOn = (input.issuedOn as string | null) ?? current?.issuedOn ?? today();
    if (issuedOn > today()) throw errors.badInput('issuedOn', 'dateInFuture', { today: today() });
    const previous = db.getRepository(SupervisionNotice).createQueryBuilder('n').where('n.targetId = :t', { t: target.id });
    if (current) previous.andWhere('n.id <> :id', { id: current.id }).andWhere('(n.issuedOn < :d OR (n.issuedOn = :d AND n.id < :id))', { d: current.issuedOn });
    const last = await previous.orderBy('n.issuedOn', 'DESC').addOrderBy('n.id', 'DESC').getOne();
    const [metrics] = await targetService.metrics(ctx, [target.id], issuedOn);
    const warning = metrics?.warning ?? WarningLevel.GREEN;
    const expected = nextRung(last?.level ?? null, warning === WarningLevel.GREEN ? WarningLevel.YELLOW : warning);
    const level = (input.level as NoticeLevel | null) ?? current?.level ?? expected;
    const reason = input.issueReason !== undefined ? (input.issueReason as string | null) : (current?.issueReason ?? null);
    const hasReason = reason != null && reason.trim() !== '';
    if (warning === WarningLevel.GREEN && !hasReason) throw errors.badInput('issueReason', 'noticeOnGreenTarget');
    if (NOTICE_LADDER.indexOf(level) > NOTICE_LADDER.indexOf(expected) && !hasReason) {
      throw errors.badInput('issueReason', 'noticeSkipsRungs', { expected: rungName(expected), level: rungName(level) });
    }
    const policy = await policyService.current(db);
    const dueOn = (input.dueOn as string | null) ?? (current && input.issuedOn == null ? current.dueOn : addDays(issuedOn, policy.noticeResponseDays));
    if (dueOn < issuedOn) throw errors.badInput('dueOn', 'deadlineBeforeStart', { startDate: issuedOn, deadline: dueOn });
    if (current) return { level, issuedOn, dueOn, content: input.content ?? undefined, issueReason: reason };
    return {
      ...input,
      targetId: target.id,
      regionId: target.regionId,
      countyId: target.countyId,
      level,
      issuedOn,
      dueOn,
      issueReason: reason,
      issuedById: ctx.principal!.userId,
    };
  }

  issue(ctx: Context, input: IssueSupervisionNoticeInput): Promise<SupervisionNotice> {
    const role = ctx.principal?.role;
    if (!role || !ISSUERS.includes(role)) throw errors.forbidden('forbiddenRole', { role: role ?? '' });
    return this.create(ctx, input);
  }

  /** The county answers a notice: once, recorded like any change. */
  async respond(ctx: Context, id: string, input: RespondToSupervisionNoticeInput): Promise<SupervisionNotice> {
    const role = ctx.principal?.role;
    if (!role || !RESPONDERS.includes(role)) throw errors.forbidden('forbiddenRole', { role: role ?? '' });
    return inTransaction(ctx.db, async (db) => {
      const notice = await this.visibleOrNotFound(ctx, db, id);
      this.assertInScope(ctx, await this.def.locate(db, notice));
      if (notice.respondedOn) throw errors.badInput('id', 'noticeAnswered', { date: notice.respondedOn });
      const respondedOn = input.respondedOn ?? today();
      if (respondedOn > today()) throw errors.badInput('respondedOn', 'dateInFuture', { today: today() });
      if (respondedOn < notice.issuedOn) throw errors.badInput('respondedOn', 'dateBefore', { date: notice.issuedOn });
      return this.applyChange(ctx, db, notice, input.version, { response: input.response, respondedOn, respondedById: ctx.principal!.userId });
    });
  }

  overdue(notice: SupervisionNotice, asOf: string): boolean {
    return notice.respondedOn == null && notice.dueOn < asOf;
  }

  /**
   * Lagging targets (YELLOW or RED) that are a county's own assignments, with the rung that is
   * due: none while the latest notice is unanswered and not yet due; the next rung once it is
   * answered or overdue and the target still lags.
   */
  async suggested(ctx: Context, asOf: string, countyId: string | null | undefined): Promise<SuggestedNotice[]> {
    const filter: Record<string, unknown> = { warning: { in: [WarningLevel.YELLOW, WarningLevel.RED] } };
    if (countyId) filter.countyId = { eq: countyId };
    const args = { filter, asOf };
    const q = new ScopedQuery(ctx, targetResource, ctx.db.manager, { args }).filter(filter);
    const parentTable = q.sql.table(Target);
    q.where(
      `${q.sql.col('countyId')} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${parentTable} ${q.sql.esc('pt')}
        WHERE ${q.sql.col('id', 'pt')} = ${q.sql.col('parentId')} AND ${q.sql.col('countyId', 'pt')} = ${q.sql.col('countyId')})`,
    );
    q.where(`${q.sql.col('status', 'tm')} NOT IN ('${TargetStatus.COMPLETED}', '${TargetStatus.COMPLETED_LATE}')`);
    const targets = await q.builder().orderBy(q.sql.col('deadline'), 'ASC').addOrderBy(q.sql.col('id'), 'ASC').limit(500).getMany();
    if (targets.length === 0) return [];
    const ids = targets.map((t) => t.id);
    const [metrics, notices] = await Promise.all([
      targetService.metrics(ctx, ids, asOf),
      ctx.db.manager
        .getRepository(SupervisionNotice)
        .createQueryBuilder('n')
        .where('n.targetId IN (:...ids)', { ids })
        .andWhere('n.issuedOn <= :asOf', { asOf })
        .orderBy('n.issuedOn', 'DESC')
        .addOrderBy('n.id', 'DESC')
        .getMany(),
    ]);
    const latest = new Map<number, SupervisionNotice>();
    for (const n of notices) {
      if (latest.has(n.targetId)) continue;
      // As of a past date, an answer given later was not given yet.
      latest.set(n.targetId, n.respondedOn != null && n.respondedOn > asOf ? { ...n, respondedOn: null, response: null } : n);
    }
    const en = requestStore.getStore()?.lang === 'en';
    const result: SuggestedNotice[] = [];
    targets.forEach((target, i) => {
      const warning = metrics[i]!.warning;
      const last = latest.get(target.id) ?? null;
      if (last && last.respondedOn == null && last.dueOn >= asOf) return; // waiting for the answer
      const level = nextRung(last?.level ?? null, warning);
      const light = en ? warning : warning === WarningLevel.RED ? '红灯' : '黄灯';
      const rung = (level: NoticeLevel) => (en ? LEVEL_NAMES[level].en : LEVEL_NAMES[level].zh);
      const reason = !last
        ? en
          ? `${light} and no notice yet`
          : `${light}，尚未督办`
        : last.respondedOn
          ? en
            ? `still ${light} after the ${rung(last.level)} was answered on ${last.respondedOn}`
            : `${last.respondedOn} 答复${rung(last.level)}后仍为${light}`
          : en
            ? `the ${rung(last.level)} was due on ${last.dueOn} and is unanswered`
            : `${rung(last.level)}已于 ${last.dueOn} 到期未答复`;
      result.push({ target, warning, level, lastNotice: last, reason });
    });
    return result;
  }
}

export const noticeService = new NoticeService(noticeResource);
