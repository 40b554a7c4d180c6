import { IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { NonBlank, OptionalText } from '../../common/validation.js';
import { today } from '../../common/dates.js';
import { Target, WarningLevel } from '../targets/target.entity.js';
import { NoticeLevel, SupervisionNotice } from './supervision-notice.entity.js';

export const noticeQuery = defineQueryInputs(
  'SupervisionNotice',
  {
    targetId: { kind: 'id' },
    regionId: { kind: 'id' },
    countyId: { kind: 'id' },
    level: { kind: 'enum', enum: { values: NoticeLevel, name: 'NoticeLevel' } },
    issuedOn: { kind: 'date' },
    dueOn: { kind: 'date' },
    respondedOn: { kind: 'date' },
    overdue: {
      kind: 'boolean',
      // Unanswered after its due date, as of today.
      expr: (sql) => `(CASE WHEN ${sql.col('respondedOn')} IS NULL AND ${sql.col('dueOn')} < ${sql.param(today())} THEN 1 ELSE 0 END)`,
    },
  },
  { ISSUED_ON: 'issuedOn', DUE_ON: 'dueOn', LEVEL: 'level' },
);
export const SupervisionNoticePage = PageType(SupervisionNotice, 'SupervisionNotice');

@InputType()
export class IssueSupervisionNoticeInput {
  @Field(() => ID) targetId: string;
  @Field(() => NoticeLevel, { nullable: true, description: 'Defaults to the next rung of the ladder for this target.' }) level?: NoticeLevel | null;
  @Field(() => String) @NonBlank(20000) content: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to today.' }) issuedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to issuedOn + the policy’s response days.' }) dueOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Required to issue a notice on a GREEN target, or one that skips rungs of the ladder.' })
  @OptionalText(2000)
  issueReason?: string | null;
}

@InputType()
export class RespondToSupervisionNoticeInput {
  @Field(() => Int) version: number;
  @Field(() => String) @NonBlank(20000) response: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to today.' }) respondedOn?: string | null;
}

@InputType({ description: 'Corrects a notice before it is answered (its target and issuer stay).' })
export class UpdateSupervisionNoticeInput {
  @Field(() => Int) version: number;
  @Field(() => NoticeLevel, { nullable: true }) level?: NoticeLevel | null;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(20000) content?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) issuedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) dueOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Required when the corrected notice departs from the ladder.' }) @OptionalText(2000) issueReason?: string | null;
}

@ObjectType({ description: 'A lagging target and the notice the escalation ladder says is due for it.' })
export class SuggestedNotice {
  @Field(() => Target) target: Target;
  @Field(() => WarningLevel) warning: WarningLevel;
  @Field(() => NoticeLevel, { description: 'The rung to issue next.' }) level: NoticeLevel;
  @Field(() => SupervisionNotice, { nullable: true, description: 'The latest notice on this target, if any.' }) lastNotice: SupervisionNotice | null;
  @Field(() => String, { description: 'Why, in words.' }) reason: string;
}
