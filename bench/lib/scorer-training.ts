/** Fitting and judging the calibrated scorer on labelled pairs: signal values, threshold choice, k-fold figures. */
import {
  CAPPED_PAIR_CEILING,
  HIT_NAME_FLOOR,
  RULES_THRESHOLD,
  rulesCompare,
  type ScreeningQuery,
} from '../../shared/src/matching';
import { fitLogistic, PAIR_SIGNALS, pairSignalValues, predict, type LogisticModel } from '../../shared/src/matching';
import { pairFigures, type PairFigures } from './pair-figures';
import { seededRng } from './variations';

export interface LabelledRow {
  values: number[];
  /** Whether the rules cap the pair or it is below HIT_NAME_FLOOR: its probability is held at CAPPED_PAIR_CEILING. */
  capped: boolean;
  /** The rules' score of the same pair (rulesCompare), for the comparison in the same folds. */
  rulesScore: number;
  match: boolean;
}

/** One pair's signal values, `rarity` weighing words as the pair's list does (default: the built-in prior). */
export function labelledRow(
  a: ScreeningQuery,
  b: ScreeningQuery,
  match: boolean,
  rarity?: (text: string) => number,
  listed?: { birthDates: readonly string[]; countries: readonly string[] },
): LabelledRow {
  const { values, aligned } = pairSignalValues(a, b, rarity, listed);
  // Held like screening holds it: a pair the rules cap, or one below the name score a hit needs.
  const capped = aligned.alignment.cap !== undefined || aligned.alignment.score < HIT_NAME_FLOOR;
  return { values, capped, rulesScore: rulesCompare(a, b).score, match };
}

/** A row's probability as screening reads it: a capped pair held under the ceiling. */
function probability(model: LogisticModel, r: LabelledRow): number {
  const p = predict(model, r.values);
  return r.capped ? Math.min(CAPPED_PAIR_CEILING, p) : p;
}

/** The probability threshold with the best F1 on these rows (the stated target: F1 on the training data), above the capped pairs' ceiling. */
export function bestF1Threshold(model: LogisticModel, rows: readonly LabelledRow[]): number {
  const scored = rows.map((r) => ({ p: probability(model, r), match: r.match })).sort((x, y) => y.p - x.p);
  const positives = rows.filter((r) => r.match).length;
  let tp = 0;
  let best = { f1: -1, threshold: 0.5 };
  scored.forEach((s, k) => {
    if (s.match) tp++;
    const next = scored[k + 1];
    if (next !== undefined && next.p === s.p) return;
    const precision = tp / (k + 1);
    const recall = positives === 0 ? 0 : tp / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const threshold = next === undefined ? s.p : (s.p + next.p) / 2;
    // Above the capped pairs' ceiling, or a pair the rules cap could be a hit.
    if (threshold > CAPPED_PAIR_CEILING && f1 > best.f1) best = { f1, threshold };
  });
  return best.threshold;
}

export function fitScorer(rows: readonly LabelledRow[]): { model: LogisticModel; threshold: number } {
  const model = fitLogistic(
    rows.map((r) => r.values),
    rows.map((r) => r.match),
    { signs: PAIR_SIGNALS.map((s) => s.sign) },
  );
  return { model, threshold: bestF1Threshold(model, rows) };
}

/** k-fold cross-validation (seeded folds): the fitted scorer and the rules, on the same held-out folds. */
export function crossValidate(
  rows: readonly LabelledRow[],
  k: number,
  seed: number,
): { fitted: PairFigures; rules: PairFigures } {
  const rng = seededRng(seed);
  const fold = rows.map(() => Math.floor(rng() * k));
  const fitted: { score: number; predicted: boolean; actual: boolean }[] = [];
  const rules: { score: number; predicted: boolean; actual: boolean }[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => fold[i] !== f);
    const test = rows.filter((_, i) => fold[i] === f);
    const { model, threshold } = fitScorer(train);
    for (const r of test) {
      const p = probability(model, r);
      fitted.push({ score: p, predicted: p >= threshold, actual: r.match });
      rules.push({ score: r.rulesScore, predicted: r.rulesScore >= RULES_THRESHOLD, actual: r.match });
    }
  }
  return { fitted: pairFigures(fitted), rules: pairFigures(rules) };
}
