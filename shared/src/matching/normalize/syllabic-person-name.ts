import type { TokenizedName } from './normalize-name';

/**
 * The most syllables a Chinese or Korean person's name has written in its own script: a surname of one or two and a
 * given name of one or two. A longer run of Han or Hangul syllables is an organisation's name, or a foreign name.
 */
export const MAX_PERSON_NAME_SYLLABLES = 4;

/**
 * Whether a name is a Chinese or Korean person's name written in Han or Hangul, its tokens the name's syllables: no
 * legal form, no organisation word, at most {@link MAX_PERSON_NAME_SYLLABLES} syllables. Such a name has no middle
 * names to drop: its given name is all of its syllables ("江平" is Jiangping, and "平" alone another name), so a
 * syllable left over on either side of an alignment says another person, not a shorter record of the same one.
 */
export function isSyllabicPersonName(name: TokenizedName): boolean {
  if (!(name.han || name.hangul) || name.hasLegalForm) return false;
  let syllables = 0;
  for (const t of name.tokens) {
    if (t.kind === 'legal' || t.translations !== undefined) return false;
    if (t.kind === 'word') syllables++;
  }
  return syllables > 0 && syllables <= MAX_PERSON_NAME_SYLLABLES;
}
