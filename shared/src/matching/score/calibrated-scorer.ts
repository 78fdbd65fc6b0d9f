import { PAIR_SIGNALS } from '../signals/pair-signals';
import type { ScoreCap } from './name-alignment';
import { HIT_NAME_FLOOR } from './retrieval-floor';
import { predict, type LogisticModel } from './logistic-regression';
import weights from './scorer-weights.json';
import { verdictSentence } from '../explain/verdict';

/** The fitted weights (npm run train:scorer), versioned: the version is printed beside every figure measured. */
export interface ScorerWeights extends LogisticModel {
  version: string;
  target: string;
  signals: string[];
  threshold: number;
}

export const SCORER_WEIGHTS: ScorerWeights = weights;

/** A signal moves the score enough to be named when it moves the log-odds by at least this. */
const NAMED_CONTRIBUTION = 0.5;
/**
 * What each signal reads for a name against itself written identically: a signal is named when it moves the score
 * away from that, so an exact name names nothing but its attributes. Signals not listed read 0 there.
 */
const IDENTICAL_NAME: Readonly<Record<string, number>> = { tokenAlignment: 1, editSimilarity: 1, phoneticKey: 1 };

/**
 * The signal values of a name against itself written identically, with the attributes' agreement given: the pair the
 * near-miss floor is set from.
 */
export function identicalNameValues(attributes: { birthDate: number; country: number }): number[] {
  return PAIR_SIGNALS.map((s) =>
    s.name === 'birthDate'
      ? attributes.birthDate
      : s.name === 'country'
        ? attributes.country
        : (IDENTICAL_NAME[s.name] ?? 0),
  );
}

/** Models already compared with the code's signals: the comparison joined two lists for every pair scored. */
const CHECKED_MODELS = new WeakSet<ScorerWeights>();

/** Fails when the weights file lists other signals than the code measures: a build error, not a silent misreading. */
function checked(model: ScorerWeights): ScorerWeights {
  if (CHECKED_MODELS.has(model)) return model;
  if (model.signals.join() !== PAIR_SIGNALS.map((s) => s.name).join()) {
    throw new Error(`scorer weights ${model.version} list other signals than the code measures`);
  }
  CHECKED_MODELS.add(model);
  return model;
}

/**
 * The most a pair the rules cap can score (one shared name part, numbers that disagree, a Korean given name's
 * syllables reversed, nothing but legal forms or particles in common): below the default threshold, above the default
 * near-miss floor. The caps stay rules of the house, not weights: one shared word never makes a hit, whatever the
 * training pairs happened to hold.
 */
export const CAPPED_PAIR_CEILING = 0.3;

/**
 * A person against an organisation (or the reverse) lowers the log-odds by this. Set, not fitted: the training pairs
 * compare entities of one type, so they hold no mis-typed listing to learn from; about the rules' 0.15 of a near
 * match's score, it lowers without ruling out (lists mis-type some entities, companies are named after people).
 */
export const TYPE_MISMATCH_LOG_ODDS = 1.5;

const TOKEN_ALIGNMENT = PAIR_SIGNALS.findIndex((s) => s.name === 'tokenAlignment');

/**
 * The calibrated probability of signal values measured in PAIR_SIGNALS order, lowered when the types differ, held under
 * the ceiling of a capped pair and of one whose rules name score is below HIT_NAME_FLOOR.
 */
export function calibratedProbability(
  values: readonly number[],
  cap: ScoreCap | undefined,
  typeDiffers = false,
  model: ScorerWeights = SCORER_WEIGHTS,
): number {
  const fitted = checked(model);
  const probability = predict(typeDiffers ? { ...fitted, bias: fitted.bias - TYPE_MISMATCH_LOG_ODDS } : fitted, values);
  const held = cap !== undefined || (values[TOKEN_ALIGNMENT] as number) < HIT_NAME_FLOOR;
  return held ? Math.min(CAPPED_PAIR_CEILING, probability) : probability;
}

/**
 * One sentence per signal that moved the score, against the same name written identically, in plain words: "Each name
 * has a part the other lacks, which lowers the score." Birth date and country are named only `withAttributes`:
 * screening and compare name them with their dates and countries (birth-date-signal.ts, country-signal.ts).
 */
export function calibratedSentences(
  values: readonly number[],
  model: ScorerWeights = SCORER_WEIGHTS,
  withAttributes = false,
): string[] {
  const sentences: string[] = [];
  PAIR_SIGNALS.forEach((signal, i) => {
    if (signal.opposite !== undefined && !withAttributes) return;
    const value = values[i] as number;
    const reference = IDENTICAL_NAME[signal.name] ?? 0;
    const contribution = (checked(model).weights[i] as number) * (value - reference);
    if (Math.abs(contribution) < NAMED_CONTRIBUTION) return;
    const what =
      reference > 0 ? `${signal.words} only in part` : value < 0 && signal.opposite ? signal.opposite : signal.words;
    const effect = contribution > 0 ? 'raises' : 'lowers';
    sentences.push(`${what[0]?.toUpperCase()}${what.slice(1)}, which ${effect} the score.`);
  });
  return sentences;
}

/** The closing sentence: the probability against the threshold, what that means, and the scorer that said it. */
export function calibratedVerdict(
  probability: number,
  threshold: number,
  model: ScorerWeights = SCORER_WEIGHTS,
): string {
  return `${verdictSentence(probability, threshold)} (Calibrated probability, scorer ${model.version}.)`;
}
