/**
 * Fits the calibrated scorer: makes training pairs from the lists' own aliases and hard negatives
 * (lib/training-pairs.ts), measures each pair's signals, fits a logistic regression, picks the probability threshold
 * with the best F1 on the training pairs, prints k-fold cross-validated figures beside the rules', and writes the
 * versioned weights to shared/src/matching/score/scorer-weights.json.
 *
 *   npm run train:scorer
 *
 * Env: SHARED_DATA_DIR, TRAIN_PAIRS_PER_LIST (4000), TRAIN_FOLDS (5), TRAIN_CUSTOMER_SHARE (0; decision 0026),
 * TRAIN_VARIANT_SHARE (0; 0032), TRAIN_VARIANT_NEGATIVE_SHARE and TRAIN_ALIKE_SHARE (0; 0036).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PAIR_SIGNALS } from '../shared/src/matching';
import { crossValidate, fitScorer, labelledRow, type LabelledRow } from './lib/scorer-training';
import { customerNegatives } from './lib/customer-negatives';
import { givenNameVariantPairs } from './lib/given-name-variant-pairs';
import { spelledAlikeNegatives } from './lib/spelled-alike-negatives';
import { listRarity, readTrainingList, TRAINING_LISTS, trainingPairs, type TrainingPair } from './lib/training-pairs';
import * as prettier from 'prettier';

const PER_LIST = Number(process.env['TRAIN_PAIRS_PER_LIST'] ?? 4000);
const FOLDS = Number(process.env['TRAIN_FOLDS'] ?? 5);
/**
 * Unrelated-customer negatives (lib/customer-negatives.ts) per list, as a share of the pairs taken from it: beside the
 * list's near misses, what most screened names are. Default 0: measured without a gain so far (decision 0026).
 */
const CUSTOMER_NEGATIVE_SHARE = Number(process.env['TRAIN_CUSTOMER_SHARE'] ?? 0);
/**
 * Given-name variant pairs (lib/given-name-variant-pairs.ts) per list, positives and hard negatives each, as a share of
 * the pairs taken from it: a variant beside the same surname and beside one only spelled alike. Default 0: at 0.1 and
 * 0.03 the dev pairs' F1 fell (0.834 → 0.822, 0.831) for 0.01 points of customer false hits (decision 0032).
 */
const VARIANT_PAIR_SHARE = Number(process.env['TRAIN_VARIANT_SHARE'] ?? 0);
/**
 * Given-name variant hard negatives alone (no variant positives), as a share of the list's pairs: the variant beside a
 * surname only spelled alike, on the negatives' side only, so the matches stay the lists' own aliases. Default 0:
 * measured without a gain (decision 0036).
 */
const VARIANT_NEGATIVE_SHARE = Number(process.env['TRAIN_VARIANT_NEGATIVE_SHARE'] ?? 0);
/**
 * Spelled-alike hard negatives (lib/spelled-alike-negatives.ts) per list, as a share of the pairs taken from it: a
 * listed name with parts replaced by other listed words the matcher aligns with them. Default 0: they lower customer
 * false hits only as far as a higher threshold does, at a larger cost in recall (decision 0036).
 */
const ALIKE_NEGATIVE_SHARE = Number(process.env['TRAIN_ALIKE_SHARE'] ?? 0);
/** Share of the spelled-alike negatives that also drop another word of the name (decision 0049). */
const ALIKE_DROPPED_SHARE = Number(process.env['TRAIN_ALIKE_DROPPED_SHARE'] ?? 0.5);
export const SCORER_WEIGHTS_VERSION = 'calibrated-4';

export async function generatedRows(): Promise<{ pairs: TrainingPair[]; rows: LabelledRow[] }> {
  const pairs: TrainingPair[] = [];
  const rows: LabelledRow[] = [];
  for (const [n, list] of TRAINING_LISTS.entries()) {
    let entities;
    try {
      entities = await readTrainingList(list);
    } catch (error) {
      console.log(`${list.id}: not read (${(error as Error).message.slice(0, 120)})`);
      continue;
    }
    const all = trainingPairs(list.id, entities, 1000 + n);
    const pos = all.filter((p) => p.match).slice(0, PER_LIST / 2);
    const neg = all.filter((p) => !p.match).slice(0, PER_LIST / 2);
    const customers = customerNegatives(
      list.id,
      entities,
      Math.round((pos.length + neg.length) * CUSTOMER_NEGATIVE_SHARE),
      2000 + n,
    );
    const variants = givenNameVariantPairs(
      list.id,
      entities,
      Math.round((pos.length + neg.length) * VARIANT_PAIR_SHARE),
      3000 + n,
    );
    const variantNegatives = givenNameVariantPairs(
      list.id,
      entities,
      Math.round((pos.length + neg.length) * VARIANT_NEGATIVE_SHARE),
      4000 + n,
    ).filter((p) => !p.match);
    const alike = spelledAlikeNegatives(
      list.id,
      entities,
      Math.round((pos.length + neg.length) * ALIKE_NEGATIVE_SHARE),
      5000 + n,
      ALIKE_DROPPED_SHARE,
    );
    console.log(
      `${list.id}: ${entities.length} entities → ${pos.length} positives, ${neg.length} hard negatives, ` +
        `${customers.length} unrelated customers, ${variants.length} given-name variant pairs, ` +
        `${variantNegatives.length} variant negatives, ${alike.length} spelled-alike negatives`,
    );
    // Words weigh what they weigh in the pair's own list, as in the screening index.
    const rarity = listRarity(entities);
    for (const p of [...pos, ...neg, ...customers, ...variants, ...variantNegatives, ...alike]) {
      pairs.push(p);
      rows.push(
        labelledRow(
          { name: p.left, type: p.type, ...p.leftAttributes },
          { name: p.right, type: p.type },
          p.match,
          rarity,
          p.rightAttributes,
        ),
      );
    }
  }
  return { pairs, rows };
}

async function main(): Promise<void> {
  const { pairs, rows } = await generatedRows();
  const cv = crossValidate(rows, FOLDS, 7);
  const f = (x: { precision: number; recall: number; f1: number }): string =>
    `P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)} F1 ${x.f1.toFixed(3)}`;
  console.log(`${pairs.length} generated pairs; ${FOLDS}-fold CV: fitted ${f(cv.fitted)}; rules ${f(cv.rules)}`);
  const { model, threshold } = fitScorer(rows);
  const weights = {
    version: SCORER_WEIGHTS_VERSION,
    target: 'the probability threshold with the best F1 on the generated training pairs (balanced classes)',
    trainedOn: {
      pairs: pairs.length,
      positives: pairs.filter((p) => p.match).length,
      lists: TRAINING_LISTS.map((l) => l.id),
    },
    crossValidated: { folds: FOLDS, precision: cv.fitted.precision, recall: cv.fitted.recall, f1: cv.fitted.f1 },
    signals: PAIR_SIGNALS.map((s) => s.name),
    bias: model.bias,
    weights: model.weights,
    threshold,
  };
  const out = path.resolve(__dirname, '..', '..', '..', 'shared', 'src', 'matching', 'score', 'scorer-weights.json');
  fs.writeFileSync(out, await prettier.format(JSON.stringify(weights), { filepath: out, printWidth: 120 }));
  console.log(`weights → ${out}`);
  console.log(PAIR_SIGNALS.map((s, i) => `${s.name} ${(model.weights[i] as number).toFixed(2)}`).join(', '));
  console.log(`bias ${model.bias.toFixed(2)}, threshold ${threshold.toFixed(3)}`);
}

if (require.main === module) void main();
