import { buildMatchIndex, DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { entity } from './entity-factory';

const index = buildMatchIndex([
  entity('RI, Yong Gil', 'person', { birthDates: ['1955'], countries: ['KP'] }),
  entity('RI Yong Chol', 'person'),
  entity('ANDERSEN, Karl Johan', 'person'),
  entity('NORTHERN STAR SHIPPING LLC', 'organization', { aliases: ['NORTH STAR SHIPPING'] }),
  entity('SEK STUDIO', 'organization'),
]);

describe('matchingEntityIds', () => {
  it('names the entities screen returns, in its order, at any threshold and limit', () => {
    const queries = [
      { name: 'Ri Yong Gil' },
      { name: 'Ri Yong Gil', birthDate: '1955', country: 'KP' },
      { name: 'Karl Andersen', type: 'person' as const },
      { name: 'Northern Star Shipping' },
      { name: 'SEK Studio' },
      { name: 'Jane Doe' },
    ];
    for (const query of queries)
      for (const threshold of [DEFAULT_MATCH_THRESHOLD, 0.5, 0.3])
        for (const limit of [1, 10]) {
          const options = { threshold, limit, maxNamesScored: 1_000 };
          expect(index.matchingEntityIds(query, options)).toEqual(index.screen(query, options).map((m) => m.entityId));
        }
  });
});
