import { compare, DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';

describe('compare', () => {
  it('matches the same name written in another order and with a typo', () => {
    const result = compare({ name: 'Myo Swe Winn' }, { name: 'WIN, Myo Swe' });
    expect(result.match).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
  });

  it('does not match a shared given name with different surnames, and says why', () => {
    const result = compare({ name: 'George Bush' }, { name: 'HABBASH, George' });
    expect(result.match).toBe(false);
    expect(result.explanation.join(' ')).toMatch(/"bush" in the query has no counterpart/);
  });

  it('does not take a Russian surname for the patronymic built on the same name', () => {
    // Ivanov is a family; Ivanovich says the father was Ivan.
    // The surname read as the patronymic scores below the surname itself. (The rules kept it below the threshold; the
    // calibrated scorer does not: decision 0025.)
    expect(compare({ name: 'Oleg Ivanov' }, { name: 'IVANINSKIY, Oleg Ivanovich' }).score).toBeLessThan(
      compare({ name: 'Oleg Ivaninskiy' }, { name: 'IVANINSKIY, Oleg Ivanovich' }).score,
    );
    expect(compare({ name: 'Anna Petrova' }, { name: 'SMIRNOVA, Anna Petrovna' }).match).toBe(false);
    expect(compare({ name: 'Oleg Ivaninskiy' }, { name: 'IVANINSKIY, Oleg Ivanovich' }).match).toBe(true);
  });

  it('never lets numbers disagree', () => {
    const result = compare({ name: 'BELLETECH 11420 CORP' }, { name: '11421 BELLETECH CORP' });
    expect(result.match).toBe(false);
    expect(result.explanation.join(' ')).toMatch(/numbers .* disagree/);
  });

  it('never matches a person against a vessel', () => {
    const result = compare({ name: 'Mar Azul', type: 'person' }, { name: 'MAR AZUL', type: 'vessel' });
    expect(result.match).toBe(false);
    expect(result.explanation.join(' ')).toMatch(/cannot match/);
  });

  it('uses the threshold it is given', () => {
    const pair = [{ name: 'George Bush' }, { name: 'HABBASH, George' }] as const;
    const { score } = compare(...pair);
    expect(score).toBeGreaterThan(0);
    expect(compare(...pair, score).match).toBe(true);
    expect(compare(...pair, score + 0.01).match).toBe(false);
  });

  it('is order-insensitive for comma-inverted names', () => {
    expect(compare({ name: 'Yong Gil Ri' }, { name: 'RI, Yong Gil' }).score).toBe(
      compare({ name: 'Ri Yong Gil' }, { name: 'Ri Yong Gil' }).score,
    );
  });
});
