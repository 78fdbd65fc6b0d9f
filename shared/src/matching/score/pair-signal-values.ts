import { measurePair } from '../signals/pair-signals';
import type { ScreeningQuery } from '../types';
import { alignPair, type PairAlignment } from './compare';

/** The calibrated scorer's signal values for a pair (PAIR_SIGNALS order), with the alignment they were read from. */
export function pairSignalValues(a: ScreeningQuery, b: ScreeningQuery): { values: number[]; aligned: PairAlignment } {
  const aligned = alignPair(a, b);
  const values = measurePair({
    left: aligned.left,
    right: aligned.right,
    listed: aligned.listed,
    alignment: aligned.alignment,
    leftName: a.name,
    rightName: b.name,
  });
  return { values, aligned };
}
