import { spellingEdits } from '@sanctions/shared/matching/signals/spelling-edits';

describe('spelling edits (optimal string alignment distance)', () => {
  it('counts one insert, drop, replacement or swap of neighbours as one edit', () => {
    expect(spellingEdits('bezos', 'brezos')).toBe(1);
    expect(spellingEdits('brezos', 'bezos')).toBe(1);
    expect(spellingEdits('macron', 'marcon')).toBe(1);
    expect(spellingEdits('ford', 'fjord')).toBe(1);
    expect(spellingEdits('exxon', 'exxor')).toBe(1);
  });

  it('counts names written differently as more, and the same spelling as none', () => {
    expect(spellingEdits('castro', 'castillo')).toBe(3);
    expect(spellingEdits('orban', 'orbach')).toBe(2);
    expect(spellingEdits('gates', 'gates')).toBe(0);
    expect(spellingEdits('', 'abc')).toBe(3);
    expect(spellingEdits('abc', '')).toBe(3);
  });
});
