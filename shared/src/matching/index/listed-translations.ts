/**
 * Listed words by the English words listings translate them to ("завод", read "zavod", is "plant"), so an English
 * query ("KAZAN POWDER PLANT") meets an organisation listed only in Cyrillic (or Arabic script, or Han): the reverse of
 * the translations normalize-name.ts gives the words of a name written in those scripts.
 */
export class ListedTranslations {
  /** Listed spelling → the English words it translates to, as tokenising its Cyrillic name found them. */
  private readonly bySpelling: Map<string, readonly string[]>;
  /** English word → ids of the listed words translating to it; built by finish. */
  private byEnglish = new Map<string, number[]>();

  /** `previous`, the table of an earlier version's index: names it holds are not tokenised again, so it lends theirs. */
  constructor(previous?: ListedTranslations) {
    this.bySpelling = new Map(previous?.bySpelling);
  }

  /** A listed word and its translations (undefined when it has none). */
  add(spelling: string, translations: readonly string[] | undefined): void {
    if (translations !== undefined && !this.bySpelling.has(spelling)) this.bySpelling.set(spelling, translations);
  }

  /** Indexes the translations of the vocabulary's words, dropping those of words no longer listed. */
  finish(tokenIds: ReadonlyMap<string, number>): void {
    for (const [spelling, translations] of this.bySpelling) {
      const id = tokenIds.get(spelling);
      if (id === undefined) {
        this.bySpelling.delete(spelling);
        continue;
      }
      for (const english of translations) {
        const ids = this.byEnglish.get(english);
        if (ids === undefined) this.byEnglish.set(english, [id]);
        else if (!ids.includes(id)) ids.push(id);
      }
    }
  }

  /** Ids of the listed words translating to an English word. */
  translating(english: string): readonly number[] {
    return this.byEnglish.get(english) ?? NONE;
  }

  /** Rough bytes held (a string and a pointer or two per entry). */
  bytes(): number {
    let n = 0;
    for (const [s, t] of this.bySpelling) n += 2 * s.length + 16 * t.length + 32;
    for (const [e, ids] of this.byEnglish) n += 2 * e.length + 8 * ids.length + 32;
    return n;
  }
}

const NONE: readonly number[] = [];
