import { Field, ID, InputType, Int } from 'type-graphql';
import { defineQueryInputs, PageType } from '../../common/query/resource.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { IsOptional, NonBlank, OptionalText } from '../../common/validation.js';
import { FeedbackChannel, FeedbackStatus, PublicFeedback } from './public-feedback.entity.js';

export const publicFeedbackQuery = defineQueryInputs(
  'PublicFeedback',
  {
    regionId: { kind: 'id' },
    countyId: { kind: 'id' },
    targetId: { kind: 'id' },
    receivedOn: { kind: 'date' },
    channel: { kind: 'enum', enum: { values: FeedbackChannel, name: 'FeedbackChannel' } },
    status: { kind: 'enum', enum: { values: FeedbackStatus, name: 'FeedbackStatus' } },
    content: { kind: 'string' },
  },
  { RECEIVED_ON: 'receivedOn', STATUS: 'status' },
);
export const PublicFeedbackPage = PageType(PublicFeedback, 'PublicFeedback');

@InputType()
export class CreatePublicFeedbackInput {
  @Field(() => ID, { nullable: true, description: 'Required, except for a county user: defaults to your own county.' }) countyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Instead of countyId: the county’s administrative code (540222).' }) countyCode?: string | null;
  @Field(() => LocalDateScalar) receivedOn: string;
  @Field(() => FeedbackChannel) channel: FeedbackChannel;
  @Field(() => String) @NonBlank(20000) content: string;
  @Field(() => ID, { nullable: true, description: 'The target it led to.' }) targetId?: string | null;
}

@InputType({ description: 'Handling: answer it, close it, link it to the target it led to.' })
export class UpdatePublicFeedbackInput {
  @Field(() => Int) version: number;
  @Field(() => FeedbackStatus, { nullable: true }) status?: FeedbackStatus;
  @Field(() => String, { nullable: true }) @OptionalText(20000) response?: string | null;
  @Field(() => ID, { nullable: true }) targetId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @NonBlank(20000) content?: string;
}
