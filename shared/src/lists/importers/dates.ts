const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** A year range wider than this is noise, not a birth date: keep its end points only. */
const MAX_EXPANDED_YEARS = 15;

const pad = (n: number) => String(n).padStart(2, '0');

function valid(year: number, month?: number, day?: number): boolean {
  if (year < 1800 || year > 2200) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && (day < 1 || day > 31)) return false;
  return true;
}

function partial(year: number, month?: number, day?: number): string | undefined {
  if (!valid(year, month, day)) return undefined;
  if (month === undefined) return String(year);
  if (day === undefined) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * One date as lists write it, to a partial ISO date: "10 Dec 1961", "Dec 1961", "1961", "1961-12-10",
 * "1961-12", "10/12/1961" (day first), "00/00/1961" (unknown day and month), "December 10, 1961".
 */
export function parsePartialDate(text: string): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) {
    const month = m[2] ? Number(m[2]) : undefined;
    const day = m[3] ? Number(m[3]) : undefined;
    return partial(Number(m[1]), month || undefined, month ? day || undefined : undefined);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    return partial(Number(m[3]), month || undefined, month && day ? day : undefined);
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return partial(Number(m[2]), Number(m[1]) || undefined);
  m = /^(?:(\d{1,2}) )?([A-Za-z]{3,9})\.? (\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!.toLowerCase()])
    return partial(Number(m[3]), MONTHS[m[2]!.toLowerCase()], m[1] ? Number(m[1]) : undefined);
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m && MONTHS[m[1]!.toLowerCase()]) return partial(Number(m[3]), MONTHS[m[1]!.toLowerCase()], Number(m[2]));
  return undefined;
}

/** Every year from `from` to `to`, or just the two ends when the range is implausibly wide. */
export function yearRange(from: number, to: number): string[] {
  if (to < from) [from, to] = [to, from];
  if (to - from > MAX_EXPANDED_YEARS) return [String(from), String(to)];
  const years: string[] = [];
  for (let y = from; y <= to; y++) years.push(String(y));
  return years;
}

/**
 * A birth date as lists write it, to partial ISO dates. Ranges ("1955 to 1957", "01 Jan 1955 to 31 Dec
 * 1955", "between 1955 and 1957") become the years they cover; "circa"/"approximately" is dropped.
 * Returns [] when nothing is recognised.
 */
export function parseBirthDates(text: string): string[] {
  const t = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:circa|c\.|ca\.|approximately|approx\.?|about|around)\s+/i, '')
    .replace(/\s*\((?:approximate|approximative|approx\.?|circa)\)$/i, '');
  const range = /^(?:between )?(.+?) (?:to|and|-|–) (.+)$/i.exec(t);
  if (range) {
    const from = parsePartialDate(range[1]!.replace(/^(?:circa|approximately) /i, ''));
    const to = parsePartialDate(range[2]!.replace(/^(?:circa|approximately) /i, ''));
    if (from && to) {
      if (from === to) return [from];
      return yearRange(Number(from.slice(0, 4)), Number(to.slice(0, 4)));
    }
  }
  const single = parsePartialDate(t);
  if (single) return [single];
  const leading = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b/.exec(t);
  if (leading) {
    const date = parsePartialDate(leading[1]!);
    if (date) return [date];
  }
  return [];
}

/** A full date (YYYY-MM-DD) or undefined: for listing dates, which citations keep only when exact. */
export function parseFullDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const date = parsePartialDate(text);
  return date && date.length === 10 ? date : undefined;
}
