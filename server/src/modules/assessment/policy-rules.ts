import type { Context } from '../../common/context.js';
import { errors } from '../../common/errors.js';
import { Role } from '../../common/scope.js';
import { policyService, type PolicyValues } from '../policy/policy.service.js';

/**
 * What the assessment rules need of a new policy, checked on the policy it would make (the
 * current one with the changes): tiers that descend, and weights that add up to something.
 */
export async function assertAssessmentPolicy(ctx: Context, input: Partial<PolicyValues>): Promise<void> {
  if (ctx.principal?.role !== Role.ADMIN) return; // the update refuses anyone else
  const current = await policyService.current(ctx.db.manager);
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as Partial<PolicyValues>;
  const p = { ...current, ...given };
  if (!(p.tierPromote > p.tierUse && p.tierUse > p.tierCaution)) {
    throw errors.badInput(given.tierPromote !== undefined ? 'tierPromote' : given.tierUse !== undefined ? 'tierUse' : 'tierCaution', 'policyTierOrder');
  }
  if (p.weightTarget + p.weightTimeliness + p.weightInspection + p.weightDemocratic <= 0) throw errors.badInput('weightTarget', 'policyWeightsZero');
}
