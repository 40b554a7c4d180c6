import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { IsOptional, NonBlank } from '../../common/validation.js';
import { Inspection, InspectionKind, RectificationStatus } from './inspection.entity.js';
import { translate } from '../../common/i18n.js';
import { today } from '../../common/dates.js';

const rating = () => (target: object, property: string) => {
  const message = () => translate('ratingRange', { field: property });
  Min(0, { message })(target, property);
  Max(100, { message })(target, property);
};

export const inspectionQuery = defineQueryInputs(
  'Inspection',
  {
    regionId: { kind: 'id' },
    countyId: { kind: 'id' },
    departmentId: { kind: 'id' },
    targetId: { kind: 'id' },
    inspectedOn: { kind: 'date' },
    kind: { kind: 'enum', enum: { values: InspectionKind, name: 'InspectionKind' } },
    rating: { kind: 'float' },
    rectificationRequired: { kind: 'boolean' },
    rectificationDeadline: { kind: 'date' },
    rectificationStatus: { kind: 'enum', enum: { values: RectificationStatus, name: 'RectificationStatus' } },
    closedOn: { kind: 'date' },
    rectificationOverdue: {
      kind: 'boolean',
      // Still open after its deadline, as of today.
      expr: (sql) => `(CASE WHEN ${sql.col('rectificationStatus')} = 'OPEN' AND ${sql.col('rectificationDeadline')} < ${sql.param(today())} THEN 1 ELSE 0 END)`,
    },
  },
  { INSPECTED_ON: 'inspectedOn', RATING: 'rating', RECTIFICATION_DEADLINE: 'rectificationDeadline' },
);
export const InspectionPage = PageType(Inspection, 'Inspection');

@InputType({ description: 'Give a targetId, or the county (and department) inspected.' })
export class CreateInspectionInput {
  @Field(() => ID, { nullable: true }) targetId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Taken from the target when a target is given.' }) countyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of countyId: the county’s administrative code (540222).' }) countyCode?: string | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => LocalDateScalar) inspectedOn: string;
  @Field(() => InspectionKind) kind: InspectionKind;
  @Field(() => String) @NonBlank(500) inspectors: string;
  @Field(() => String) @NonBlank(20000) findings: string;
  @Field(() => Float) @rating() rating: number;
  @Field(() => Boolean, { defaultValue: false }) rectificationRequired: boolean;
  @Field(() => LocalDateScalar, { nullable: true }) rectificationDeadline?: string | null;
}

@InputType()
export class UpdateInspectionInput {
  @Field(() => Int) version: number;
  @Field(() => LocalDateScalar, { nullable: true }) inspectedOn?: string;
  @Field(() => InspectionKind, { nullable: true }) kind?: InspectionKind;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(500) inspectors?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(20000) findings?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @rating() rating?: number;
  @Field(() => Boolean, { nullable: true }) rectificationRequired?: boolean;
  @Field(() => LocalDateScalar, { nullable: true }) rectificationDeadline?: string | null;
}

@InputType({ description: 'The county reports its rectification (整改) done.' })
export class CompleteRectificationInput {
  @Field(() => Int) version: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to today.' }) closedOn?: string | null;
  @Field(() => String) @NonBlank(20000) note: string;
}
