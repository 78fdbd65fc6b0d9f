/**
 * The English words listed words translate to (the translations normalize-name.ts gives words of names written in
 * Cyrillic, Arabic script or Han: "zavod" → "plant", 机器人 → "robotics"), so an English query word meets the listed
 * word it translates, as a translated query word meets the listed English one (decisions 0038, 0044).
 */
export class ListedTranslations {
  /** Per listed token id, the English words it translates to. */
  private readonly byToken = new Map<number, readonly string[]>();
  private readonly byEnglish = new Map<string, number[]>();

  /** Records that token `id` translates to `english` (at index build). */
  add(id: number, english: readonly string[] | undefined): void {
    if (english === undefined || this.byToken.has(id)) return;
    this.byToken.set(id, english);
    for (const word of english) {
      const ids = this.byEnglish.get(word);
      if (ids === undefined) this.byEnglish.set(word, [id]);
      else ids.push(id);
    }
  }

  /** What token `id` translates to: an index rebuilt from this one reads names' tokens back without tokenising. */
  of(id: number): readonly string[] | undefined {
    return this.byToken.get(id);
  }

  /** The listed token ids an English word is a translation of. */
  listedFor(english: string): readonly number[] | undefined {
    return this.byEnglish.get(english);
  }

  get size(): number {
    return this.byToken.size;
  }
}
