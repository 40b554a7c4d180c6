import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../../common/scalars.js';
import { County } from '../hierarchy/county.entity.js';
import { Department } from '../hierarchy/department.entity.js';
import { NoticeLevel } from '../supervision/supervision-notice.entity.js';
import { IssuerLevel } from '../targets/directive.entity.js';
import { TargetCategory, TargetStatus, WarningLevel } from '../targets/target.entity.js';

export enum TargetGroupBy {
  COUNTY = 'COUNTY',
  DEPARTMENT = 'DEPARTMENT',
  CATEGORY = 'CATEGORY',
  STATUS = 'STATUS',
  WARNING = 'WARNING',
  DIRECTIVE = 'DIRECTIVE',
  CADRE = 'CADRE',
  ISSUER_LEVEL = 'ISSUER_LEVEL',
  MONTH = 'MONTH',
}
registerEnumType(TargetGroupBy, {
  name: 'TargetGroupBy',
  valuesConfig: {
    DIRECTIVE: { description: 'The directive the target implements.' },
    CADRE: { description: 'The responsible cadre.' },
    ISSUER_LEVEL: { description: 'Who issued the directive: CENTRAL, AUTONOMOUS_REGION or PREFECTURE.' },
    MONTH: { description: 'A monthly trend: the figures as of each month’s end (or today for the running month) from `from` to `to`.' },
  },
});

export enum ScoreboardLevel {
  COUNTY = 'COUNTY',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(ScoreboardLevel, { name: 'ScoreboardLevel' });

@ObjectType({ description: 'One group of targetStats: the grouping keys asked for, and the figures.' })
export class TargetStatsRow {
  @Field(() => ID, { nullable: true }) countyId: number | null;
  @Field(() => County, { nullable: true }) county?: County | null;
  @Field(() => ID, { nullable: true }) departmentId: number | null;
  @Field(() => Department, { nullable: true }) department?: Department | null;
  @Field(() => String, { nullable: true, description: 'Name of the county grouped by (also for API keys).' }) countyName?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the department grouped by (also for API keys).' }) departmentName?: string | null;
  @Field(() => ID, { nullable: true }) directiveId?: number | null;
  @Field(() => String, { nullable: true, description: 'Title of the directive grouped by.' }) directiveTitle?: string | null;
  @Field(() => ID, { nullable: true }) cadreId?: number | null;
  @Field(() => String, { nullable: true, description: 'Name of the cadre grouped by (null for API keys: dashboards see units, not people).' }) cadreName?: string | null;
  @Field(() => IssuerLevel, { nullable: true }) issuerLevel?: IssuerLevel | null;
  @Field(() => String, { nullable: true, description: 'The month (2026-09) of a MONTH grouping.' }) month?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The date the row’s figures are computed at.' }) asOf?: string | null;
  @Field(() => TargetCategory, { nullable: true }) category: TargetCategory | null;
  @Field(() => TargetStatus, { nullable: true }) status: TargetStatus | null;
  @Field(() => WarningLevel, { nullable: true }) warning: WarningLevel | null;
  @Field(() => Int) count: number;
  @Field(() => Float, { description: 'Mean progress 0..1.' }) meanProgress: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int) red: number;
  @Field(() => Int) yellow: number;
  @Field(() => Int) green: number;
}

@ObjectType({ description: 'A county or department in the ranking of a period.' })
export class ScoreboardEntry {
  @Field(() => Int, { description: '1 = best schedule score.' }) rank: number;
  @Field(() => ID) unitId: number;
  @Field(() => String) unitName: string;
  @Field(() => ID, { nullable: true }) countyId: number | null;
  @Field(() => Int, { description: 'Its own targets in play during the period (started by its end, not due before its start).' }) targetsInPlay: number;
  @Field(() => Int, { description: 'Of those, due within the period.' }) targetsDue: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) completedOnTime: number;
  @Field(() => Float, { description: 'Mean progress of the targets in play, 0..1.' }) meanProgress: number;
  @Field(() => Float, {
    nullable: true,
    description: '1 − mean shortfall behind schedule (max(0, elapsed − progress)) of the targets in play; ranks the units. null with nothing in play (ranked last).',
  })
  scheduleScore: number | null;
  @Field(() => Int) red: number;
  @Field(() => Int) yellow: number;
  @Field(() => Int, { description: 'Rectifications still open after their deadline.' }) overdueRectifications: number;
}

@ObjectType()
export class Scoreboard {
  @Field(() => String) period: string;
  @Field(() => ScoreboardLevel) level: ScoreboardLevel;
  @Field(() => LocalDateScalar, { description: 'The date figures are computed at: the end of the period, or today if earlier.' }) asOf: string;
  @Field(() => Int, { description: 'How many units were ranked (all of the region’s, whoever asks).' }) unitsRanked: number;
  @Field(() => Float, { nullable: true, description: 'Mean schedule score of the ranked units that had targets in play.' }) regionMeanScheduleScore: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean progress of the ranked units that had targets in play.' }) regionMeanProgress: number | null;
  @Field(() => [ScoreboardEntry], { description: 'Every unit with its rank; a county user gets only its own entries, with their true ranks.' }) entries: ScoreboardEntry[];
}

@ObjectType({ description: 'A RED target as the bulletin names it.' })
export class BulletinTarget {
  @Field(() => ID) targetId: number;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) countyName: string | null;
  @Field(() => String, { nullable: true }) responsibleCadreName: string | null;
  @Field(() => LocalDateScalar) deadline: string;
  @Field(() => Float) progress: number;
  @Field(() => Float) elapsed: number;
  @Field(() => TargetStatus) status: TargetStatus;
}

@ObjectType({ description: 'A rectification still open after its deadline.' })
export class BulletinRectification {
  @Field(() => ID) inspectionId: number;
  @Field(() => String, { nullable: true }) countyName: string | null;
  @Field(() => String) findings: string;
  @Field(() => LocalDateScalar) rectificationDeadline: string;
  @Field(() => Int) daysOverdue: number;
}

@ObjectType({ description: 'A supervision notice of the period, or one still unanswered past its due date.' })
export class BulletinNotice {
  @Field(() => ID) noticeId: number;
  @Field(() => String) targetTitle: string;
  @Field(() => String, { nullable: true }) countyName: string | null;
  @Field(() => NoticeLevel) level: NoticeLevel;
  @Field(() => LocalDateScalar) issuedOn: string;
  @Field(() => LocalDateScalar) dueOn: string;
  @Field(() => LocalDateScalar, { nullable: true }) respondedOn: string | null;
  @Field(() => Boolean) overdue: boolean;
}

@ObjectType({ description: '通报: the ranking, the RED targets, overdue rectifications and notices of a period. Names are copied in, so a published bulletin never changes.' })
export class BulletinContent {
  @Field(() => String) period: string;
  @Field(() => String) regionName: string;
  @Field(() => LocalDateScalar) asOf: string;
  @Field(() => [ScoreboardEntry]) ranking: ScoreboardEntry[];
  @Field(() => [BulletinTarget]) redTargets: BulletinTarget[];
  @Field(() => [BulletinRectification]) overdueRectifications: BulletinRectification[];
  @Field(() => [BulletinNotice]) notices: BulletinNotice[];
}

@ObjectType()
export class BulletinView {
  @Field(() => ID, { nullable: true, description: 'null while live (not published).' }) id: number | null;
  @Field(() => String) period: string;
  @Field(() => Boolean, { description: 'true: computed now; false: the published snapshot.' }) live: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) publishedAt: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '撤回: when the published bulletin was withdrawn (its snapshot is kept).' }) withdrawnAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was withdrawn.' }) withdrawalReason?: string | null;
  @Field(() => BulletinContent) content: BulletinContent;
}
