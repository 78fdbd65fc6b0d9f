import type { TokenKind } from '../normalize/normalize-name';

type Token = { readonly text: string; readonly kind: TokenKind };

/** The skeleton of "God" (الله), second part of names such as عبد الله, نصر الله, عتيق الله. */
const GOD = 'allah';
/** The skeleton of "servant" (عبد), first part of عبد الرحمن, عبد المنان, عبد الله. */
const SERVANT = 'abd';
/** "Of the faith" (الدين), second part of سراج الدين, صلاح الدين. */
const FAITH = 'din';
const ARTICLE = 'al';
/**
 * Persian surname suffixes, which listings often write as a word of their own ("زارع پور", "حسن زاده", "زیبایی نژاد")
 * and romanisations glue to the name ("ZAREPOUR", "HASSANZADEH", "ZIBAYINEJAD"): -pur "son of", -zadeh "born of",
 * -nejad "of the line of".
 */
const PERSIAN_NAME_SUFFIXES: ReadonlySet<string> = new Set(['pur', 'zadh', 'nzhad']);

/**
 * A name written in Arabic script with its compounds joined: Arabic writes ʿAbd + one of God's names, X + Allah and
 * X + al-Din as two words ("عبد الرحمن", "عتيق الله", "سراج الدين"), and Persian often writes a surname's suffix apart
 * ("حسن زاده"); romanisations often write each as one ("ABDULRAHMAN", "ATIQULLAH", "SERAJUDDIN", "HASSANZADEH"). The
 * joined skeleton ("abdalrhmn", "hsnzadh") is read as the one Latin word by the abjad reading, which knows the article
 * inside a compound. Undefined when the name has no such compound.
 */
export function joinedAbjadCompounds(tokens: readonly Token[]): Token[] | undefined {
  const out: Token[] = [];
  let joined = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const article = next?.kind === 'particle' && next.text === ARTICLE;
    const after = tokens[article ? i + 2 : i + 1];
    if (t.kind !== 'word' || after === undefined || after.kind !== 'word') {
      out.push(t);
      continue;
    }
    const compound =
      t.text === SERVANT ||
      after.text === GOD ||
      (article && after.text === FAITH) ||
      (!article && PERSIAN_NAME_SUFFIXES.has(after.text))
        ? t.text + (article ? ARTICLE : '') + after.text
        : undefined;
    if (compound === undefined) {
      out.push(t);
      continue;
    }
    out.push({ text: compound, kind: 'word' });
    joined = true;
    i += article ? 2 : 1;
  }
  return joined ? out : undefined;
}

/**
 * A name written in Arabic script with each article glued to the word after it: Arabic writes the article as part of
 * the word ("الشبل") and many romanisations keep it so ("ALSHEBEL", "ESSABAR", "ELSSEID"), where the normaliser reads
 * it as a particle of its own. The glued skeleton ("alshbl") is read by the abjad reading, which knows the article's
 * assimilations (es-s, ash-sh). Undefined when the name has no article before a word.
 */
export function gluedAbjadArticles(tokens: readonly Token[]): Token[] | undefined {
  const out: Token[] = [];
  let glued = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const after = tokens[i + 1];
    if (t.kind === 'particle' && t.text === ARTICLE && after?.kind === 'word') {
      out.push({ text: ARTICLE + after.text, kind: 'word' });
      glued = true;
      i++;
    } else out.push(t);
  }
  return glued ? out : undefined;
}

/**
 * The forms an Arabic-script name is indexed under: as written, with its compounds joined, and with its articles glued
 * too (see above); each only when it differs.
 */
export function abjadNameForms<T extends Token>(written: readonly T[]): (readonly Token[])[] {
  const joined = joinedAbjadCompounds(written);
  const glued = gluedAbjadArticles(joined ?? written);
  return [written, ...(joined === undefined ? [] : [joined]), ...(glued === undefined ? [] : [glued])];
}
