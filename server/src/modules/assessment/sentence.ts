import { translate, type Lang, type MessageKey } from '../../common/i18n.js';
import { TierRule, type AssessmentExplanation, type AssessmentTier } from './assessment.types.js';

const fmt = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
const share = (x: number) => (Math.abs(x - 1 / 3) < 1e-6 ? '1/3' : `${Math.round(x * 1000) / 10}%`);

/** The explanation in one sentence, in the caller's language: the sum a reviewer can redo. */
export function assessmentSentence(
  e: AssessmentExplanation,
  period: string,
  lang: Lang,
  override: { tier: AssessmentTier; reason: string | null } | null,
): string {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(key, params, lang);
  const present = e.components.filter((c) => c.present);
  const missing = e.components.filter((c) => !c.present);
  const parts =
    present.map((c) => t('assessmentPart', { label: t(`component${c.kind}` as MessageKey), value: fmt(c.value!), weight: c.weight.toFixed(4).replace(/0+$/, '').replace(/\.$/, '') })).join(' + ') +
    (missing.length ? t('assessmentMissing', { labels: missing.map((c) => t(`component${c.kind}` as MessageKey)).join(lang === 'en' ? ', ' : '、') }) : '');
  const reason =
    e.rule === TierRule.REMOVAL
      ? t('tierReasonRemoval')
      : e.rule === TierRule.INCOMPETENT_VOTES
        ? t('tierReasonVotes', { incompetent: e.incompetentVotes, votes: e.votes, share: share(e.incompetentVetoShare) })
        : e.threshold !== null
          ? t('tierReasonThreshold', { threshold: fmt(e.threshold) })
          : t('tierReasonBelow', { threshold: fmt(lowestThreshold(e)) });
  const sentence = t('assessmentSentence', {
    period,
    total: fmt(e.total),
    parts,
    penalty: e.penalty ? t('assessmentPenalty', { penalty: fmt(e.penalty) }) : '',
    tier: t(`tier${e.tier}` as MessageKey),
    reason,
  });
  if (!override) return sentence;
  const withOverride = t('tierOverridden', { tier: t(`tier${override.tier}` as MessageKey), reason: override.reason ?? '' });
  return sentence.replace(/([。.])$/, `${withOverride}$1`);
}

/** The CAUTION threshold: what a DO_NOT_USE total fell below (kept in the up step). */
function lowestThreshold(e: AssessmentExplanation): number {
  return e.up ? e.total + e.up.points : 0;
}
