import { buildMatchIndex, DEFAULT_MATCH_THRESHOLD, type MatchableEntity } from '@sanctions/shared/matching';
import { entity } from './entity-factory';

// An organisation listed only in Cyrillic is found by the English name its words translate to (docs/decisions/0044):
// the index keeps the translations of its listed words, as the query side's translations already meet English ones.

const plant = entity('Казанский пороховой завод', 'organization');
const other = entity('Тамбовский механический завод', 'organization');
const lists: MatchableEntity[] = [plant, other];
const screen = (index: ReturnType<typeof buildMatchIndex>, name: string): string[] =>
  index.screen({ name }, { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 }).map((h) => h.entityId);

describe('listed translations', () => {
  it('finds a Cyrillic organisation by an English query word its listed word translates', () => {
    const found = screen(buildMatchIndex(lists), 'KAZAN POWDER PLANT');
    expect(found).toContain(plant.id);
    expect(found).not.toContain(other.id);
  });

  it('does not pair an English word with a listed word it does not translate', () => {
    expect(screen(buildMatchIndex(lists), 'KAZAN POWDER BANK')).not.toContain(plant.id);
  });

  it('keeps the translations in an index rebuilt from an earlier one', () => {
    const reused = buildMatchIndex(lists, buildMatchIndex(lists));
    expect(screen(reused, 'KAZAN POWDER PLANT')).toEqual(screen(buildMatchIndex(lists), 'KAZAN POWDER PLANT'));
  });
});
