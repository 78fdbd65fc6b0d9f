import { NO_SIGNAL, type SignalOutcome } from './signal';

/** Same full date: strong support, though names still decide (twins, data-entry copies). */
export const BIRTH_DATE_EXACT_BONUS = 0.06;
/** Same year (or month) when that is all one side gives: useful but many people share a year. */
export const BIRTH_YEAR_MATCH_BONUS = 0.04;
/** Years one apart: lists often carry "circa" or alternative years, so no reward and no penalty. */
export const BIRTH_YEAR_TOLERANCE = 1;
/** Years further apart: evidence of a different person, strong enough to pull a common-name match under the threshold. */
export const BIRTH_DATE_MISMATCH_PENALTY = 0.15;

interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

function parsePartialDate(text: string): PartialDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text.trim());
  if (!m) return undefined;
  const date: PartialDate = { year: Number(m[1]) };
  if (m[2] !== undefined) date.month = Number(m[2]);
  if (m[3] !== undefined) date.day = Number(m[3]);
  return date;
}

/**
 * Compares a query birth date ("1961", "1961-05", "1961-05-23") with the listed ones, at the precision both share.
 * The best agreeing listed date counts: lists give alternatives and any of them may be the true one.
 */
export function birthDateSignal(queryDate: string | undefined, listedDates: readonly string[]): SignalOutcome {
  if (queryDate === undefined || queryDate.trim() === '' || listedDates.length === 0) return NO_SIGNAL;
  const q = parsePartialDate(queryDate);
  if (!q) return NO_SIGNAL;
  let best: { rank: number; listed: string } | undefined;
  for (const listed of listedDates) {
    const l = parsePartialDate(listed);
    if (!l) continue;
    const rank = agreement(q, l);
    if (best === undefined || rank > best.rank) best = { rank, listed };
  }
  if (best === undefined) return NO_SIGNAL;
  switch (best.rank) {
    case 3:
      return {
        adjustment: BIRTH_DATE_EXACT_BONUS,
        sentence: `The birth date ${queryDate} matches the listed ${best.listed}, which raises the score.`,
      };
    case 2:
      return {
        adjustment: BIRTH_YEAR_MATCH_BONUS,
        sentence: `The birth date ${queryDate} agrees with the listed ${best.listed} as far as both go, which raises the score.`,
      };
    case 1:
      return {
        adjustment: 0,
        sentence: `The birth date ${queryDate} is within a year of the listed ${best.listed}; lists often give approximate years, so this neither raises nor lowers the score.`,
      };
    default:
      return {
        adjustment: -BIRTH_DATE_MISMATCH_PENALTY,
        shortfall: `birth date differs: ${queryDate} against ${listedDates.join(', ')}`,
        sentence: `The birth date ${queryDate} does not agree with any listed date (${listedDates.join(', ')}), which lowers the score.`,
      };
  }
}

/** 3 = same day, 2 = same year (and month) at the shared precision, 1 = years within tolerance, 0 = disagree. */
function agreement(q: PartialDate, l: PartialDate): number {
  if (q.year !== l.year) return Math.abs(q.year - l.year) <= BIRTH_YEAR_TOLERANCE ? 1 : 0;
  if (q.month !== undefined && l.month !== undefined && q.month !== l.month) return 1;
  if (q.day !== undefined && l.day !== undefined) return q.day === l.day ? 3 : 1;
  return 2;
}
