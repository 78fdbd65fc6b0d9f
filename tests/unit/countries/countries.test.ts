import { countryCode, countryOrText, requestCountryCode } from '@sanctions/shared/countries';
import { countryCode as matchingCountryCode } from '@sanctions/shared/matching';
import { countryCode as importerCountryCode } from '@sanctions/shared/lists/importers';

describe('the one country table', () => {
  it('answers importers and matching from the same rows', () => {
    for (const text of [
      'Burma',
      'DPRK',
      'Korea, North',
      'Iran (Islamic Republic of)',
      "Cote d'Ivoire",
      'Holland',
      'RUS',
      'Emirates',
      'Bonaire',
    ]) {
      expect(matchingCountryCode(text)).toBe(importerCountryCode(text));
      expect(matchingCountryCode(text)).toBeDefined();
    }
  });

  it('takes the shorthand a customer types, which lists do not get', () => {
    expect(requestCountryCode('Korea')).toBe('KR');
    expect(requestCountryCode('america')).toBe('US');
    expect(requestCountryCode('Korea North')).toBe('KP');
    expect(requestCountryCode('People s Republic of China')).toBe('CN');
    expect(countryCode('Korea')).toBeUndefined();
    expect(requestCountryCode('Atlantis')).toBeUndefined();
  });

  it('keeps a list country it cannot map as the list wrote it, and drops "no country"', () => {
    expect(countryOrText('former Soviet Union')).toBe('former Soviet Union');
    expect(countryOrText('Stateless')).toBeUndefined();
  });
});
