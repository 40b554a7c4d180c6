import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsPositive, ValidateNested } from 'class-validator';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { IsOptional, Measure, NonBlank, OptionalText } from '../../common/validation.js';
import { Max } from 'class-validator';
import { Target, TargetCategory, TargetKind, TargetStatus, WarningLevel } from './target.entity.js';

/** Computed columns live in the derived table joined as `tm` (see target.service.ts). */
const computed = (column: string) => (sql: { col(column: string, alias?: string): string }) => sql.col(column, 'tm');

export const targetQuery = defineQueryInputs(
  'Target',
  {
    regionId: { kind: 'id' },
    countyId: { kind: 'id' },
    parentId: { kind: 'id' },
    directiveId: { kind: 'id' },
    responsibleCountyId: { kind: 'id' },
    responsibleDepartmentId: { kind: 'id' },
    responsibleCadreId: { kind: 'id' },
    title: { kind: 'string' },
    category: { kind: 'enum', enum: { values: TargetCategory, name: 'TargetCategory' } },
    kind: { kind: 'enum', enum: { values: TargetKind, name: 'TargetKind' } },
    isLeaf: { kind: 'boolean' },
    startDate: { kind: 'date' },
    deadline: { kind: 'date' },
    weight: { kind: 'float' },
    targetValue: { kind: 'float' },
    // Ties by the figures' own target id: an index on (progress, targetId) gives a page in order.
    progress: { kind: 'float', expr: computed('progress'), tiebreak: (sql) => sql.col('targetId', 'tm') },
    status: { kind: 'enum', enum: { values: TargetStatus, name: 'TargetStatus' }, expr: computed('status'), tiebreak: (sql) => sql.col('targetId', 'tm') },
    warning: {
      kind: 'enum',
      enum: { values: WarningLevel, name: 'WarningLevel' },
      expr: computed('warning'),
      // By severity: GREEN, YELLOW, RED (DESC puts the red ones first).
      sortExpr: (sql) => `(CASE ${sql.col('warning', 'tm')} WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END)`,
    },
  },
  {
    DEADLINE: 'deadline',
    START_DATE: 'startDate',
    TITLE: 'title',
    CATEGORY: 'category',
    WEIGHT: 'weight',
    PROGRESS: 'progress',
    STATUS: 'status',
    WARNING: 'warning',
  },
);
export const TargetPage = PageType(Target, 'Target');

/** Fields a target and each child of a decomposition share. */
@InputType('TargetFields')
class TargetFields {
  @Field(() => String, { nullable: true }) @IsOptional() @OptionalText(20000) description?: string | null;
  @Field(() => String, { nullable: true, description: '质量标准' }) @OptionalText(20000) qualityStandard?: string | null;
  @Field(() => Float, { nullable: true, description: 'Weight among siblings (> 0, default 1).' }) @IsOptional() @IsPositive() @Max(1e6) weight?: number;
  @Field(() => ID, { nullable: true }) responsibleCountyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of responsibleCountyId: the county’s administrative code (540222).' }) responsibleCountyCode?: string | null;
  @Field(() => ID, { nullable: true }) responsibleDepartmentId?: string | null;
  @Field(() => ID, { nullable: true }) responsibleCadreId?: string | null;
}

const PROCEED_WITH_REPORTS =
  'true to go on although the parent has progress reports: the parent then takes its progress from its sub-targets (its reports stay in its history). Without it such a change is refused.';

@InputType({
  description:
    'A new target: a root (no parentId) or a child of parentId, inheriting what it does not give. A root needs title, category, kind, startDate and deadline (and targetValue when QUANTITATIVE); a child needs only a title.',
})
export class CreateTargetInput extends TargetFields {
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => Boolean, { nullable: true, description: PROCEED_WITH_REPORTS }) proceedWithReports?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Defaults to the parent’s directive.' }) directiveId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Defaults to the parent’s, the directive’s or your own region.' }) regionId?: string | null;
  @Field(() => String) @NonBlank(200) title: string;
  @Field(() => TargetCategory, { nullable: true, description: 'Required for a root; defaults to the parent’s.' }) category?: TargetCategory | null;
  @Field(() => TargetKind, { nullable: true, description: 'Required for a root; defaults to the parent’s.' }) kind?: TargetKind | null;
  @Field(() => String, { nullable: true }) @OptionalText(20) unit?: string | null;
  @Field(() => Float, { nullable: true, description: 'Quantitative: starting value (default 0).' }) @Measure() baseline?: number | null;
  @Field(() => Float, { nullable: true, description: 'Quantitative: value to reach (required).' }) @Measure() targetValue?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Quantitative: children’s values add up to this one’s (default: the parent’s setting, else true; false for rates).' })
  additive?: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Required for a root; a child’s defaults to the parent’s and may not be before it.' }) startDate?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Required for a root; a child’s defaults to the parent’s and may not be after it.' }) deadline?: string | null;
}

@InputType()
export class UpdateTargetInput extends TargetFields {
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true }) directiveId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(200) title?: string;
  @Field(() => TargetCategory, { nullable: true }) category?: TargetCategory;
  @Field(() => String, { nullable: true }) @OptionalText(20) unit?: string | null;
  @Field(() => Float, { nullable: true }) @Measure() baseline?: number | null;
  @Field(() => Float, { nullable: true }) @Measure() targetValue?: number | null;
  @Field(() => Boolean, { nullable: true }) additive?: boolean;
  @Field(() => LocalDateScalar, { nullable: true }) startDate?: string;
  @Field(() => LocalDateScalar, { nullable: true }) deadline?: string;
}

@InputType({ description: 'One child of a decomposition: who is responsible, and its share of the parent’s value.' })
export class DecompositionChildInput extends TargetFields {
  @Field(() => String, { nullable: true, description: 'Defaults to the parent’s title followed by the county, department or cadre.' })
  @IsOptional()
  @NonBlank(200)
  title?: string | null;
  @Field(() => Float, { nullable: true, description: 'Quantitative: this child’s allocation (required).' }) @Measure() targetValue?: number | null;
  @Field(() => Float, { nullable: true, description: 'Quantitative: defaults to the parent’s baseline.' }) @Measure() baseline?: number | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to the parent’s.' }) deadline?: string | null;
}

@InputType()
export class DecomposeTargetInput {
  @Field(() => Boolean, { nullable: true, description: PROCEED_WITH_REPORTS }) proceedWithReports?: boolean | null;
  @Field(() => [DecompositionChildInput], { description: 'One entry per county, department or cadre (at most 200).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  children: DecompositionChildInput[];
}
