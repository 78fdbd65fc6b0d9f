import { buildMatchIndex, DEFAULT_MATCH_THRESHOLD, type MatchableEntity } from '@sanctions/shared/matching';
import { entity } from './entity-factory';

const ri = entity('RI, Yong Gil', 'person', { birthDates: ['1955'], countries: ['KP'] });
const star = entity('NORTHERN STAR SHIPPING LLC', 'organization', { aliases: ['NORTH STAR SHIPPING (NSS)'] });
const andersen = entity('ANDERSEN, Karl Johan', 'person');
const studio = entity('SEK STUDIO', 'organization');
const before: MatchableEntity[] = [ri, star, andersen, studio];
// The next version: one entity removed, one renamed, one added.
const after: MatchableEntity[] = [
  ri,
  { ...star, names: [{ value: 'SOUTHERN STAR SHIPPING LLC', kind: 'primary' }, ...star.names.slice(1)] },
  studio,
  entity('Шанхайская анимационная студия', 'organization', { aliases: ['SHANGHAI HONGMAN CARTOON STUDIO'] }),
];
const queries = [
  'Ri Yong Gil',
  'Northern Star Shipping',
  'Southern Star Shipping',
  'NSS',
  'Karl Andersen',
  'SEK Studio',
  'Shanghai Hongman Cartoon',
  'Шанхайская студия',
];

describe('an index built from the previous version’s', () => {
  it('screens exactly as one built from scratch, and keeps no name the new version dropped', () => {
    const reused = buildMatchIndex(after, buildMatchIndex(before));
    const fresh = buildMatchIndex(after);
    expect([reused.entityCount, reused.nameCount, reused.vocabularySize]).toEqual([
      fresh.entityCount,
      fresh.nameCount,
      fresh.vocabularySize,
    ]);
    for (const name of queries)
      for (const threshold of [DEFAULT_MATCH_THRESHOLD, 0.5]) {
        const options = { threshold, limit: 10 };
        expect(reused.screen({ name }, options)).toEqual(fresh.screen({ name }, options));
      }
    expect(reused.screen({ name: 'Karl Andersen' }, { threshold: 0.5, limit: 10 })).toEqual([]);
  });
});
