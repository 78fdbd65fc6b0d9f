import {
  buildMatchIndex,
  DEFAULT_MATCH_THRESHOLD,
  DEFAULT_NEAR_MISS_FLOOR,
  NEAR_MISS_LIMIT,
  normalizeName,
  screenWithNearMisses,
  type ScreeningQuery,
} from '@sanctions/shared/matching';
import { entity } from './entity-factory';

const index = buildMatchIndex([
  entity('RI, Yong Gil', 'person', { birthDates: ['1955'], countries: ['KP'] }),
  entity('ANDERSEN, Karl Johan', 'person'),
  entity('NORTHERN STAR SHIPPING LLC', 'organization'),
  entity('SEK STUDIO', 'organization'),
]);
const options = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 };
const screenBoth = (query: ScreeningQuery, floor = DEFAULT_NEAR_MISS_FLOOR) =>
  screenWithNearMisses(index, query, { ...options, nearMissFloor: floor });

describe('near misses', () => {
  it('gives the hits screen gives, and near misses only below the threshold', () => {
    for (const name of ['Ri Yong Gil', 'Karl Andersen', 'Northern Star Shipping', 'SEK Studio', 'Jane Doe']) {
      const { matches, nearMisses } = screenBoth({ name });
      expect(matches).toEqual(index.screen({ name }, options));
      for (const near of nearMisses) expect(near.score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    }
  });

  it('gives the query name as normalizeName does, whatever the script, so the worker need not normalize it again', () => {
    const names = [
      "AL-QA'IDA Ltd.",
      'Ri Yong Gil',
      'Mr. Karl-Johan ANDERSEN',
      'Владимир Путин',
      'محمد بن سلمان',
      '金正恩',
      '김정은',
      'Northern Star Shipping L.L.C',
      '  ',
    ];
    for (const name of names) expect(screenBoth({ name }).normalizedName).toBe(normalizeName(name));
  });

  it('names the birth date and the country that pulled an exact name below the threshold', () => {
    const { matches, nearMisses } = screenBoth({ name: 'Ri Yong Gil', birthDate: '1990', country: 'FR' });
    expect(matches).toEqual([]);
    expect(nearMisses).toHaveLength(1);
    expect(nearMisses[0]).toMatchObject({
      name: 'RI, Yong Gil',
      matchedName: 'RI, Yong Gil',
      matchedNameKind: 'primary',
    });
    expect(nearMisses[0]?.reason).toBe('birth date differs: 1990 against 1955; country differs: FR against KP');
  });

  it('names the words that differ when the name itself fell short', () => {
    const { matches, nearMisses } = screenBoth({ name: 'Southern Star Shipping' });
    expect(matches).toEqual([]);
    expect(nearMisses[0]?.reason).toMatch(
      /"southern" is only \d+% like "northern"|"southern" in the query has no counterpart/i,
    );
  });

  it('shows nothing below the floor, and at most NEAR_MISS_LIMIT', () => {
    expect(screenBoth({ name: 'Ri Yong Gil', birthDate: '1990', country: 'FR' }, 0.95).nearMisses).toEqual([]);
    expect(screenBoth({ name: 'Studio' }, 0).nearMisses.length).toBeLessThanOrEqual(NEAR_MISS_LIMIT);
  });
});
