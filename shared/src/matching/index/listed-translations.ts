/**
 * The English words listed words translate to (the translations normalize-name.ts gives words of names written in
 * Cyrillic, Arabic script or Han: "zavod" → "plant", 机器人 → "robotics"), so an English query word meets the listed
 * word it translates, as a translated query word meets the listed English one (decisions 0038, 0044); and the place
 * names listed Russian place adjectives are built on, so "KAZAN" meets "kazanskiy" (Казанский) as a query adjective
 * meets a listed place.
 */
export class ListedTranslations {
  /** Per listed token id, the English words it translates to. */
  private readonly byToken = new Map<number, readonly string[]>();
  private readonly byEnglish = new Map<string, number[]>();
  /** Per listed place adjective's token id, the place names it is built on ("kazanskiy" → "kazansk", "kazan"). */
  private readonly placesByToken = new Map<number, string[]>();
  private readonly byPlace = new Map<string, number[]>();

  /** Records that token `id` translates to `english` (at index build). */
  add(id: number, english: readonly string[] | undefined): void {
    if (english === undefined || this.byToken.has(id)) return;
    this.byToken.set(id, english);
    for (const word of english) post(this.byEnglish, word, id);
  }

  /** Records that token `id`, a Russian place adjective, is built on the place names `stems` (at index build). */
  addPlace(id: number, stems: string[] | undefined): void {
    if (stems === undefined || this.placesByToken.has(id)) return;
    this.placesByToken.set(id, stems);
    for (const stem of stems) post(this.byPlace, stem, id);
  }

  placesOf(id: number): string[] | undefined {
    return this.placesByToken.get(id);
  }

  /** The listed place adjectives built on a place name ("kazan" → "kazanskiy"). */
  listedForPlace(place: string): readonly number[] | undefined {
    return this.byPlace.get(place);
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

function post(table: Map<string, number[]>, word: string, id: number): void {
  const ids = table.get(word);
  if (ids === undefined) table.set(word, [id]);
  else ids.push(id);
}
