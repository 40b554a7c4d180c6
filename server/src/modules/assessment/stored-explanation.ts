import type {
  AssessmentComponent,
  AssessmentExplanation,
  ExplainedAccountability,
  ExplainedEvaluation,
  ExplainedInspection,
  ExplainedTarget,
  TierStep,
} from './assessment.types.js';

/**
 * How an assessment's explanation is stored: the same figures as the API's
 * `AssessmentExplanation`, laid out as rows of values in a fixed column order instead of
 * objects with their keys, and the open targets of `up` / `down` (the same list, each a
 * target of `targets`) stored once, as target ids with their points. Lossless: `unpack(pack(e))`
 * deep-equals `e`, so a confirmed assessment reads back exactly as it was computed.
 *
 * Why: an explanation as objects is ~1 KB, two thirds of it keys and the open targets written
 * twice; a county's computation writes thousands of them in one statement. Packed, they are
 * about a third of that, and everything that handles them (JSON, the statement's text, the
 * database's write, the garbage collector) does a third of the work.
 *
 * The date the figures are taken at is not in it: it is the row's `asOf` column, so that a
 * draft whose figures are the same a day later is given the new date without being written
 * again (see AssessmentService.compute).
 *
 * Rows written before this layout hold the explanation as the API gives it; `unpack` reads
 * both (a packed one has `v: 2`).
 */

const TARGET = ['targetId', 'title', 'deadline', 'weight', 'progress', 'status', 'completedOn', 'onTime'] as const satisfies readonly (keyof ExplainedTarget)[];
const INSPECTION = ['inspectionId', 'targetId', 'inspectedOn', 'rating', 'rectificationOverdue'] as const satisfies readonly (keyof ExplainedInspection)[];
const EVALUATION = ['evaluationId', 'period', 'excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const satisfies readonly (keyof ExplainedEvaluation)[];
const ACCOUNTABILITY = ['accountabilityId', 'targetId', 'decidedOn', 'measure', 'reason', 'penalty'] as const satisfies readonly (keyof ExplainedAccountability)[];
const COMPONENT = ['kind', 'present', 'value', 'policyWeight', 'weight', 'contribution'] as const satisfies readonly (keyof AssessmentComponent)[];
const STEP = ['tier', 'points', 'reachableByScore'] as const satisfies readonly (keyof TierStep)[];
const HEAD = [
  'policyId', 'periodFrom', 'periodTo', 'openRectificationPenalty', 'votes', 'incompetentVotes', 'incompetentVetoShare',
  'weightedScore', 'penalty', 'total', 'tier', 'rule', 'threshold',
] as const satisfies readonly (keyof AssessmentExplanation)[];

type Row = unknown[];

/** The stored layout (`v: 2`). */
export interface PackedExplanation {
  v: 2;
  /** HEAD's values. */
  h: Row;
  c: Row[];
  t: Row[];
  i: Row[];
  e: Row[];
  a: Row[];
  /** The open targets that weigh most: [targetId, potentialPoints], heaviest first. */
  o: [number, number][];
  /** STEP's values of `up` and `down`, or null. */
  u: Row | null;
  d: Row | null;
}

/** What the explanation column holds: packed, or (rows written before the layout) as the API gives it. */
export type StoredExplanation = PackedExplanation | AssessmentExplanation;

const rowOf = <T>(o: T, keys: readonly (keyof T)[]): Row => keys.map((k) => o[k]);
const objectOf = <T>(row: Row, keys: readonly (keyof T)[]): T => {
  const o = {} as T;
  keys.forEach((k, i) => (o[k] = row[i] as T[keyof T]));
  return o;
};

/** The explanation as stored, without its date (`asOf`: the row's column). */
export function packExplanation(e: AssessmentExplanation): PackedExplanation {
  const open = e.up?.targets ?? e.down?.targets ?? [];
  return {
    v: 2,
    h: rowOf(e, HEAD),
    c: e.components.map((c) => rowOf(c, COMPONENT)),
    t: e.targets.map((t) => rowOf(t, TARGET)),
    i: e.inspections.map((i) => rowOf(i, INSPECTION)),
    e: e.evaluations.map((v) => rowOf(v, EVALUATION)),
    a: e.accountabilities.map((a) => rowOf(a, ACCOUNTABILITY)),
    o: open.map((t) => [t.targetId, t.potentialPoints]),
    u: e.up && rowOf(e.up, STEP),
    d: e.down && rowOf(e.down, STEP),
  };
}

/** The explanation as the API gives it, from what is stored and the row's `asOf`. */
export function unpackExplanation(stored: StoredExplanation | string, asOf: string): AssessmentExplanation {
  const s: StoredExplanation = typeof stored === 'string' ? JSON.parse(stored) : stored;
  if (!('v' in s) || s.v !== 2) return s as AssessmentExplanation;
  const targets = s.t.map((r) => objectOf<ExplainedTarget>(r, TARGET));
  const byId = new Map(targets.map((t) => [t.targetId, t]));
  const open = () =>
    s.o.map(([targetId, potentialPoints]) => {
      const t = byId.get(targetId)!;
      return { targetId, title: t.title, deadline: t.deadline, progress: t.progress, potentialPoints };
    });
  const step = (r: Row | null): TierStep | null => r && { ...objectOf<Omit<TierStep, 'targets'>>(r, STEP), targets: open() };
  return {
    ...objectOf<Pick<AssessmentExplanation, (typeof HEAD)[number]>>(s.h, HEAD),
    asOf,
    components: s.c.map((r) => objectOf<AssessmentComponent>(r, COMPONENT)),
    targets,
    inspections: s.i.map((r) => objectOf<ExplainedInspection>(r, INSPECTION)),
    evaluations: s.e.map((r) => objectOf<ExplainedEvaluation>(r, EVALUATION)),
    accountabilities: s.a.map((r) => objectOf<ExplainedAccountability>(r, ACCOUNTABILITY)),
    up: step(s.u),
    down: step(s.d),
  };
}
