import { normalizeName } from '@sanctions/shared/matching';
import { customerKey, subjectOf, subjectOfNormalized } from '@sanctions/shared/suppressions';

describe('the subject of a name already normalized', () => {
  it.each([
    ['Oskar  CLEAREDNAME-Testperson', '1980'],
    ['Мухаммад Аль-Рашид', undefined],
    ['  Société Générale S.A. ', null],
  ])('is subjectOf the raw name: %s', (name, birthDate) => {
    expect(subjectOfNormalized(normalizeName(name), birthDate)).toBe(subjectOf({ name, birthDate }));
    expect(`subject:${subjectOfNormalized(normalizeName(name), birthDate)}`).toBe(customerKey({ name, birthDate }));
  });

  it('keeps the birth date apart from the name, and an unknown one empty', () => {
    expect(subjectOfNormalized('oskar testperson', '1980')).toBe('oskar testperson|1980');
    expect(subjectOfNormalized('oskar testperson', null)).toBe('oskar testperson|');
  });
});
