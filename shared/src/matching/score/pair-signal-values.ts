import { attributeAgreement } from '../signals/attribute-agreement';
import { measurePair } from '../signals/pair-signals';
import type { ScreeningQuery } from '../types';
import { alignPair, type PairAlignment } from './compare';

/**
 * The calibrated scorer's signal values for a pair (PAIR_SIGNALS order), with the alignment they were read from. `b`
 * plays the listed side; `rarity` weighs words (default: the built-in prior); `listed` gives the listed side all its
 * birth dates and countries (default: b's one of each).
 */
export function pairSignalValues(
  a: ScreeningQuery,
  b: ScreeningQuery,
  rarity?: (text: string) => number,
  listed?: { birthDates: readonly string[]; countries: readonly string[] },
): { values: number[]; aligned: PairAlignment } {
  const aligned = alignPair(a, b, rarity);
  const values = measurePair({
    ...aligned,
    leftName: a.name,
    rightName: b.name,
    attributes: attributeAgreement(
      a,
      listed ?? {
        birthDates: b.birthDate === undefined ? [] : [b.birthDate],
        countries: b.country === undefined ? [] : [b.country],
      },
    ),
  });
  return { values, aligned };
}
