import { foldCountry, requestCountryCode as countryCode } from '../../countries';
import { NO_SIGNAL, type SignalOutcome } from './signal';

/** Same country: mild support, as a country is shared by millions. */
export const COUNTRY_MATCH_BONUS = 0.03;
/** Different country: mild doubt, since people move and lists record only some of their countries. */
export const COUNTRY_MISMATCH_PENALTY = 0.05;

/** Compares the query's country (code or name) with the entity's countries and nationalities. */
export function countrySignal(queryCountry: string | undefined, listedCountries: readonly string[]): SignalOutcome {
  if (queryCountry === undefined || queryCountry.trim() === '' || listedCountries.length === 0) return NO_SIGNAL;
  const query = countryCode(queryCountry) ?? foldCountry(queryCountry);
  const listed = listedCountries.map((c) => countryCode(c) ?? foldCountry(c));
  if (listed.includes(query)) {
    return {
      adjustment: COUNTRY_MATCH_BONUS,
      sentence: `The country ${queryCountry} is one of the entity's listed countries, which raises the score slightly.`,
    };
  }
  return {
    adjustment: -COUNTRY_MISMATCH_PENALTY,
    shortfall: `country differs: ${queryCountry} against ${listedCountries.join(', ')}`,
    sentence: `The country ${queryCountry} is not among the listed countries (${listedCountries.join(', ')}), which lowers the score slightly.`,
  };
}
