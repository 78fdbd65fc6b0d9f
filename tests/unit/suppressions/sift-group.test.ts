import { randomUUID } from 'node:crypto';
import { normalizeName } from '@sanctions/shared/matching';
import { siftGroup, subjectKeysOfGroup } from '@sanctions/shared/suppressions';

/**
 * The group write's suppression pieces without a suppression in force: what a group keeps, and that only the
 * screenings that matched are looked up. (The lookup itself runs inside the group's write statement:
 * tests/integration/screening-group-write-suppressions.test.ts.)
 */
const match = (entityId: string) => ({ entityId, score: 0.93, entityIds: [entityId] });

describe('suppressions for a group of screenings', () => {
  it('a group where nothing matched keeps nothing and asks for no key', () => {
    const group = [
      { screeningId: randomUUID(), query: { name: 'Nobody Listed' }, matches: [] },
      { screeningId: randomUUID(), query: { name: 'Someone Else', birthDate: '1970' }, matches: [] },
    ];
    const keys = subjectKeysOfGroup(group);
    expect(keys).toEqual([null, null]);
    expect(siftGroup(group, keys, [])).toEqual([
      { kept: [], suppressed: [] },
      { kept: [], suppressed: [] },
    ]);
  });

  it('keeps the matches of a screening with no suppression, whether or not its normalized name is given', () => {
    const name = 'Oskar  CLEAREDNAME Testperson';
    const id = randomUUID();
    const matches = [match('e-1'), match('e-2')];
    const given = [
      { screeningId: id, query: { name }, normalizedName: normalizeName(name), matches },
      { screeningId: randomUUID(), query: { name: 'No Hit' }, matches: [] },
    ];
    const computed = [
      { screeningId: id, query: { name }, matches },
      { screeningId: randomUUID(), query: { name: 'No Hit' }, matches: [] },
    ];
    const givenKeys = subjectKeysOfGroup(given);
    expect(givenKeys).toEqual(subjectKeysOfGroup(computed));
    expect(givenKeys[0]).toBe(`subject:${normalizeName(name)}|`);
    const sifted = siftGroup(given, givenKeys, []);
    expect(sifted).toEqual(siftGroup(computed, subjectKeysOfGroup(computed), []));
    expect(sifted[0]).toEqual({ kept: matches, suppressed: [] });
    expect(sifted[0]!.kept).not.toBe(matches);
  });

  it("sets aside the matches whose record a row of the screening's customer names", () => {
    const id = randomUUID();
    const group = [{ screeningId: id, query: { name: 'Ri Yong Gil' }, matches: [match('e-1'), match('e-2')] }];
    const rows = [{ screening_id: id, id: 'sup-1', customer_key: 'ref:c-1', entity_id: 'e-2', primary_name: 'RI' }];
    expect(siftGroup(group, subjectKeysOfGroup(group), rows)).toEqual([
      { kept: [match('e-1')], suppressed: [{ entityId: 'e-2', name: 'RI', score: 0.93, suppressionId: 'sup-1' }] },
    ]);
  });
});
