import { buildMatchIndex, compare, DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { entity } from './entity-factory';

// An English name of an organisation listed only in Cyrillic (docs/decisions/0038): the index keeps the English words
// its Cyrillic words translate to, so an English query meets them as a Cyrillic query meets an English listing.

describe('an organisation listed in Cyrillic, screened in English', () => {
  const plant = entity('АО Челябинский металлургический завод', 'organization');
  const others = [entity('ООО Ромашка', 'organization'), entity('АО Северный банк', 'organization')];
  const options = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 };

  it('is found by its translated words', () => {
    const index = buildMatchIndex([plant, ...others]);
    expect(index.screen({ name: 'JSC CHELYABINSK METALLURGICAL PLANT' }, options).map((h) => h.entityId)).toContain(
      plant.id,
    );
    expect(compare({ name: 'JSC CHELYABINSK METALLURGICAL PLANT' }, { name: plant.names[0]?.value ?? '' }).match).toBe(
      true,
    );
  });

  it('is still found by an index rebuilt from the earlier one (which lends its tokens)', () => {
    const first = buildMatchIndex([plant, ...others]);
    const rebuilt = buildMatchIndex([plant, ...others, entity('АО Южный завод', 'organization')], first);
    expect(rebuilt.screen({ name: 'JSC CHELYABINSK METALLURGICAL PLANT' }, options).map((h) => h.entityId)).toContain(
      plant.id,
    );
  });

  it('is not found by a translated word alone', () => {
    const index = buildMatchIndex([plant, ...others]);
    expect(index.screen({ name: 'OMSK TYRE PLANT' }, options).map((h) => h.entityId)).not.toContain(plant.id);
  });
});
