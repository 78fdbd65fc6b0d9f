import { birthDateSignal, BIRTH_DATE_EXACT_BONUS } from './birth-date-signal';
import { countrySignal } from './country-signal';

/** How a query's birth date and country agree with a listed entity's, as the calibrated scorer's signal values. */
export interface AttributeAgreement {
  /** 1 same day, 0.5 same year as far as both go, 0 no date on one side or within a year, -1 years apart. */
  birthDate: number;
  /** 1 one of the listed countries, -1 none of them, 0 no country on one side. */
  country: number;
}

/** A shared year (or month) without the day says half what a shared full date says: many people share a year. */
const SHARED_YEAR_AGREEMENT = 0.5;

/** Reads the agreement from the same comparisons the explanation's sentences come from (birth-date-signal.ts, ...). */
export function attributeAgreement(
  query: { birthDate?: string | undefined; country?: string | undefined },
  listed: { birthDates: readonly string[]; countries: readonly string[] },
): AttributeAgreement {
  const date = birthDateSignal(query.birthDate, listed.birthDates).adjustment;
  const country = countrySignal(query.country, listed.countries).adjustment;
  return {
    birthDate: date < 0 ? -1 : date >= BIRTH_DATE_EXACT_BONUS ? 1 : date > 0 ? SHARED_YEAR_AGREEMENT : 0,
    country: Math.sign(country),
  };
}
