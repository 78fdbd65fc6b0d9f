import { buildMatchIndex, DEFAULT_MATCH_THRESHOLD, type MatchIndex } from '@sanctions/shared/matching';
import { SEED_MISSPELLINGS, seedEntities } from '../../support/seed-misspellings';

describe('the seed dataset screened with misspelt names', () => {
  let index: MatchIndex;
  let ids: string[];
  beforeAll(async () => {
    const entities = await seedEntities();
    ids = entities.map((e) => e.id);
    index = buildMatchIndex(entities);
  });

  it('has a misspelling for every seed entity', () => {
    expect(SEED_MISSPELLINGS.map(([, id]) => id).sort()).toEqual([...ids].sort());
  });

  it.each(SEED_MISSPELLINGS)('finds "%s" as %s, first', (query, id) => {
    const [first] = index.screen({ name: query }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 5 });
    expect(first?.entityId).toBe(id);
    expect(first?.explanation.length).toBeGreaterThan(1);
  });
});
