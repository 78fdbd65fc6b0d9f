/**
 * Two names compared in the script they were written in, before transliteration. Romanisation folds letters together
 * (Hangul 정 and 종 both romanise as "chong" in one system; two Han characters may share a reading), so a pair that
 * reads alike may still be two different names: "金正恩" / "金正銀", "김정은" / "김종은".
 */

/** The scripts names are written in on the lists and in customer files, besides Latin. */
const SCRIPTS: readonly RegExp[] = [
  /\p{Script=Han}/u,
  /\p{Script=Hangul}/u,
  /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Devanagari}/u,
  /\p{Script=Bengali}/u,
  /\p{Script=Thai}/u,
  /\p{Script=Khmer}/u,
  /\p{Script=Armenian}/u,
  /\p{Script=Georgian}/u,
  /\p{Script=Ethiopic}/u,
];
const LETTER = /[\p{L}\p{M}]/gu;
const LATIN = /\p{Script=Latin}/u;

/** The index of the one non-Latin script every letter of the name is written in, or -1 (Latin, mixed, none). */
function scriptOf(letters: readonly string[]): number {
  if (letters.length === 0 || letters.some((ch) => LATIN.test(ch))) return -1;
  const first = SCRIPTS.findIndex((s) => s.test(letters[0] as string));
  if (first < 0) return -1;
  // Marks (vowel signs, tone marks) belong to their letter's script; letters of a second script make the name mixed.
  return letters.every((ch) => /\p{M}/u.test(ch) || (SCRIPTS[first] as RegExp).test(ch)) ? first : -1;
}

/**
 * How far apart two names written in the same non-Latin script are, letter by letter (order aside, so a reordered
 * name is not a different one): 1 minus the share of letters they have in common (Dice). 0 for names in different
 * scripts or in Latin: transliteration is what compares those.
 */
export function originalScriptDistance(a: string, b: string): number {
  const la = a.normalize('NFC').match(LETTER) ?? [];
  const lb = b.normalize('NFC').match(LETTER) ?? [];
  const script = scriptOf(la);
  if (script < 0 || script !== scriptOf(lb)) return 0;
  const counts = new Map<string, number>();
  for (const ch of la) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of lb) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      common++;
      counts.set(ch, n - 1);
    }
  }
  return 1 - (2 * common) / (la.length + lb.length);
}

/** Whether both names are written in one syllabic or logographic script (Han, Hangul, kana): a letter there is a syllable. */
export function sameSyllabicScript(a: string, b: string): boolean {
  const sa = scriptOf(a.match(LETTER) ?? []);
  return sa >= 0 && sa <= 2 && sa === scriptOf(b.match(LETTER) ?? []);
}
