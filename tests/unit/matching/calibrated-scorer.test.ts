import {
  alignPair,
  calibratedCompare,
  CAPPED_PAIR_CEILING,
  compare,
  fitLogistic,
  logLoss,
  pairSignals,
  PAIR_SIGNALS,
  predict,
  SCORER_WEIGHTS,
  sigmoid,
  type ScreeningQuery,
} from '@sanctions/shared/matching';

const input = (a: string, b: string) => {
  const aligned = alignPair({ name: a }, { name: b });
  return { ...aligned, leftName: a, rightName: b };
};

describe('logistic regression', () => {
  it('is a sigmoid of the weighted sum', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(50)).toBeCloseTo(1);
    expect(sigmoid(-50)).toBeCloseTo(0);
    expect(predict({ bias: 1, weights: [2, -1] }, [1, 3])).toBeCloseTo(sigmoid(0));
  });

  it('learns a separable rule and lowers the log loss', () => {
    const xs = Array.from({ length: 200 }, (_, i) => [i / 200, ((i * 7) % 13) / 13]);
    const ys = xs.map(([a]) => (a as number) > 0.5);
    const zero = { bias: 0, weights: [0, 0] };
    const model = fitLogistic(xs, ys, { iterations: 3000 });
    expect(model.weights[0]).toBeGreaterThan(Math.abs(model.weights[1] as number));
    expect(logLoss(model, xs, ys)).toBeLessThan(logLoss(zero, xs, ys));
    expect(predict(model, [0.9, 0.5])).toBeGreaterThan(0.5);
    expect(predict(model, [0.1, 0.5])).toBeLessThan(0.5);
  });

  it('weighs the classes equally, so a rare class is not ignored', () => {
    const xs = Array.from({ length: 100 }, (_, i) => [i < 10 ? 1 : 0]);
    const ys = xs.map(([x]) => x === 1);
    const model = fitLogistic(xs, ys, { iterations: 3000 });
    expect(predict(model, [1])).toBeGreaterThan(0.5);
    expect(predict(model, [0])).toBeLessThan(0.5);
  });
});

describe('pair signals', () => {
  it('token alignment is the rules name score', () => {
    expect(pairSignals.tokenAlignmentSignal(input('John Smith', 'John Smith'))).toBe(1);
    expect(pairSignals.tokenAlignmentSignal(input('John Smith', 'Maria Garcia'))).toBeLessThan(0.5);
  });

  it('edit similarity ignores word order', () => {
    expect(pairSignals.editSimilaritySignal(input('Smith John', 'John Smith'))).toBe(1);
    expect(pairSignals.editSimilaritySignal(input('Jon Smith', 'John Smith'))).toBeGreaterThan(0.9);
  });

  it('phonetic key counts the query words that sound like a listed word', () => {
    expect(pairSignals.phoneticKeySignal(input('Mohamed Alee', 'Muhammad Ali'))).toBe(1);
    expect(pairSignals.phoneticKeySignal(input('Peter Brown', 'Peter Gold'))).toBe(0.5);
  });

  it('initials, legal forms, numbers and one shared part are flagged', () => {
    expect(pairSignals.initialsSignal(input('J Smith', 'John Smith'))).toBe(1);
    expect(pairSignals.initialsSignal(input('John Smith', 'John Smith'))).toBe(0);
    expect(pairSignals.legalFormSignal(input('Acme AG', 'Acme LLC'))).toBe(1);
    expect(pairSignals.legalFormSignal(input('Acme Ltd', 'Acme Limited'))).toBe(0);
    expect(pairSignals.numbersSignal(input('Fund 7', 'Fund 8'))).toBe(1);
    expect(pairSignals.numbersSignal(input('Fund 7', 'Fund 7'))).toBe(0);
    expect(pairSignals.singlePartSignal(input('Acme LLC', 'Globex LLC'))).toBe(1);
    expect(pairSignals.singlePartSignal(input('John Smith', 'John Smith'))).toBe(0);
  });

  it('script marks a pair written in two scripts', () => {
    expect(pairSignals.scriptSignal(input('Владимир Путин', 'Vladimir Putin'))).toBe(1);
    expect(pairSignals.scriptSignal(input('Vladimir Putin', 'Vladimir Putin'))).toBe(0);
  });

  it('the script signal lifts only a cross-script pair whose every word found a counterpart', () => {
    expect(pairSignals.scriptSignal(input('桂花 李', 'LI, Guihua'))).toBe(1);
    // An extra character on the query's side, or a listed word the query lacks: the reading agrees only in part.
    expect(pairSignals.scriptSignal(input('斌 桂花 李', 'LI, Guihua'))).toBe(0);
    expect(pairSignals.scriptSignal(input('Владимир Путин', 'PUTIN, Vladimir Vladimirovich Ivanov'))).toBe(0);
  });

  it('token rarity weighs a rare word left over more than a common one', () => {
    const rare = pairSignals.tokenRaritySignal(input('John Smith', 'John Zbigniewski Smith'));
    const common = pairSignals.tokenRaritySignal(input('John Smith', 'John Michael Smith'));
    expect(rare).toBeGreaterThan(common);
    expect(pairSignals.tokenRaritySignal(input('John Smith', 'John Smith'))).toBe(0);
  });

  it('token rarity reads the listed side, an extra query word the query side', () => {
    expect(pairSignals.tokenRaritySignal(input('John Smith', 'John Zbigniewski Smith'))).toBeGreaterThan(0.8);
    expect(pairSignals.extraQueryWordSignal(input('John Smith', 'John Zbigniewski Smith'))).toBe(0);
    expect(pairSignals.extraQueryWordSignal(input('John Zbigniewski Smith', 'John Smith'))).toBeGreaterThan(0.8);
    expect(pairSignals.tokenRaritySignal(input('John Zbigniewski Smith', 'John Smith'))).toBe(0);
    const common = pairSignals.extraQueryWordSignal(input('John Michael Smith', 'John Smith'));
    expect(pairSignals.extraQueryWordSignal(input('John Zbigniewski Smith', 'John Smith'))).toBeGreaterThan(common);
  });

  it('an unanchored variant: a given name in another form beside a surname only spelled alike, not the same', () => {
    expect(pairSignals.unanchoredVariantSignal(input('Michael Martinez', 'MARTINEZ, Miguel'))).toBe(0);
    expect(pairSignals.unanchoredVariantSignal(input('Michael Guzman', 'KUZMIN, Mikhail'))).toBeGreaterThan(0.5);
    expect(pairSignals.unanchoredVariantSignal(input('Michael Guzman', 'GUZMAN, Michael'))).toBe(0);
    expect(pairSignals.unanchoredVariantSignal(input('Mikhail Kuzmin', 'KUZMIN, Mikhail'))).toBe(0);
    const spelled = pairSignals.unanchoredVariantSignal(input('Bill Gaites', 'William Gates'));
    expect(spelled).toBeGreaterThan(0);
    expect(spelled).toBeLessThan(pairSignals.unanchoredVariantSignal(input('Michael Guzman', 'KUZMIN, Mikhail')));
  });

  it('the weakest pair says how far the least alike aligned words are', () => {
    expect(pairSignals.weakestPairSignal(input('John Smith', 'John Smith'))).toBe(0);
    expect(pairSignals.weakestPairSignal(input('John Smyth', 'John Smith'))).toBeGreaterThan(0);
  });
});

describe('the calibrated scorer', () => {
  const pair = (a: string, b: string): [ScreeningQuery, ScreeningQuery] => [{ name: a }, { name: b }];

  it('reads weights for the signals the code measures, in order', () => {
    expect(SCORER_WEIGHTS.signals).toEqual(PAIR_SIGNALS.map((s) => s.name));
    expect(SCORER_WEIGHTS.weights).toHaveLength(PAIR_SIGNALS.length);
  });

  it('gives a probability, higher for the same name than for another', () => {
    const same = calibratedCompare(...pair('Vladimir Putin', 'PUTIN, Vladimir'));
    const other = calibratedCompare(...pair('Vladimir Putin', 'Maria Garcia'));
    expect(same.probability).toBeGreaterThan(other.probability);
    expect(same.match).toBe(true);
    expect(same.explanation.at(-1)).toContain(SCORER_WEIGHTS.version);
  });

  it('names the signals that moved the score, against the same name written identically', () => {
    // The same name in another order moves nothing; its birth date raises the score, another lowers it.
    expect(calibratedCompare(...pair('Vladimir Putin', 'PUTIN, Vladimir')).explanation).toHaveLength(1);
    const listed = { name: 'PUTIN, Vladimir', birthDate: '1952-10-07' };
    expect(calibratedCompare({ name: 'Vladimir Putin', birthDate: '1952-10-07' }, listed).explanation).toContain(
      'The birth dates agree, which raises the score.',
    );
    expect(calibratedCompare({ name: 'Vladimir Putin', birthDate: '1970' }, listed).explanation).toContain(
      'The birth dates differ, which lowers the score.',
    );
    expect(
      calibratedCompare(...pair('Ayman Sabawi Ibrahim Tikriti', 'Ayman Sabawi Ibrahim Dulaimi')).explanation,
    ).toContain('Each name has a part the other lacks, which lowers the score.');
  });

  it('learns within the signs of its signals: evidence of two entities never raises the score', () => {
    PAIR_SIGNALS.forEach((signal, i) => {
      const weight = SCORER_WEIGHTS.weights[i] as number;
      if (signal.sign > 0) expect(weight).toBeGreaterThanOrEqual(0);
      if (signal.sign < 0) expect(weight).toBeLessThanOrEqual(0);
    });
    const fitted = fitLogistic([[1], [0.9], [0], [0.1]], [false, false, true, true], { signs: [1] });
    expect(fitted.weights[0]).toBe(0);
  });

  it('holds a pair the rules cap under the ceiling, and lowers a person against an organisation', () => {
    expect(calibratedCompare(...pair('Putin', 'Vladimir Putin')).probability).toBeLessThanOrEqual(CAPPED_PAIR_CEILING);
    const person = compare({ name: 'Vladimir Putin', type: 'person' }, { name: 'Vladimir Putin', type: 'person' });
    const company = compare(
      { name: 'Vladimir Putin', type: 'organization' },
      { name: 'Vladimir Putin', type: 'person' },
    );
    expect(company.score).toBeLessThan(person.score);
  });

  it('refuses weights fitted for other signals', () => {
    expect(() => calibratedCompare({ name: 'a' }, { name: 'b' }, { ...SCORER_WEIGHTS, signals: ['x'] })).toThrow(
      /other signals/,
    );
  });

  it("checks a model's signals once, not again for every pair it scores", () => {
    let reads = 0;
    const model = { ...SCORER_WEIGHTS };
    Object.defineProperty(model, 'signals', {
      get: () => {
        reads += 1;
        return SCORER_WEIGHTS.signals;
      },
    });
    const first = calibratedCompare({ name: 'Vladimir Putin' }, { name: 'Wladimir Putin' }, model);
    const again = calibratedCompare({ name: 'Vladimir Putin' }, { name: 'Wladimir Putin' }, model);
    expect(again.probability).toBe(first.probability);
    expect(first.probability).toBe(
      calibratedCompare({ name: 'Vladimir Putin' }, { name: 'Wladimir Putin' }).probability,
    );
    expect(reads).toBe(1);
  });
});
