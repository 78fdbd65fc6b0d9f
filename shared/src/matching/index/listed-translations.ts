/**
 * Words that listed words stand for, by listed token id and back. The index keeps two: the English words listed words
 * translate to (the translations normalize-name.ts gives words of names written in Cyrillic, Arabic script or Han:
 * "zavod" → "plant", 机器人 → "robotics"), so an English query word meets the listed word it translates, as a
 * translated query word meets the listed English one (decisions 0038, 0044); and the place names listed Russian place
 * adjectives are built on ("kazanskiy" → "kazansk", "kazan"), so "KAZAN" meets Казанский as a query adjective meets a
 * listed place.
 */
export class ListedWords {
  private readonly byToken = new Map<number, readonly string[]>();
  private readonly byWord = new Map<string, number[]>();

  /** Records that token `id` stands for `words` (at index build); a token keeps the words it was first given. */
  add(id: number, words: readonly string[]): void {
    if (this.byToken.has(id)) return;
    this.byToken.set(id, words);
    for (const word of words) {
      const ids = this.byWord.get(word);
      if (ids === undefined) this.byWord.set(word, [id]);
      else ids.push(id);
    }
  }

  /** What token `id` stands for: an index rebuilt from this one reads names' tokens back without tokenising. */
  of(id: number): readonly string[] | undefined {
    return this.byToken.get(id);
  }

  /** The listed token ids that stand for `word`. */
  listedFor(word: string): readonly number[] | undefined {
    return this.byWord.get(word);
  }
}
