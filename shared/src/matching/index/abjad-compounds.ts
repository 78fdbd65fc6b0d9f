import { gluedArticleParts } from '../normalize/abjad-reading';
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
  return withRunsJoined(tokens, compoundAt);
}

function compoundAt(tokens: readonly Token[], i: number): Join | undefined {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  const article = next?.kind === 'particle' && next.text === ARTICLE;
  const after = tokens[article ? i + 2 : i + 1];
  if (t.kind !== 'word' || after?.kind !== 'word') return undefined;
  const compound =
    t.text === SERVANT ||
    after.text === GOD ||
    (article && after.text === FAITH) ||
    (!article && PERSIAN_NAME_SUFFIXES.has(after.text));
  return compound ? { text: t.text + (article ? ARTICLE : '') + after.text, span: article ? 3 : 2 } : undefined;
}

/**
 * A name written in Arabic script with each article glued to the word after it: Arabic writes the article as part of
 * the word ("الشبل") and many romanisations keep it so ("ALSHEBEL", "ESSABAR", "ELSSEID"), where the normaliser reads
 * it as a particle of its own. The glued skeleton ("alshbl") is read by the abjad reading, which knows the article's
 * assimilations (es-s, ash-sh). Undefined when the name has no article before a word.
 */
export function gluedAbjadArticles(tokens: readonly Token[]): Token[] | undefined {
  return withRunsJoined(tokens, gluedArticleAt);
}

function gluedArticleAt(tokens: readonly Token[], i: number): Join | undefined {
  const t = tokens[i] as Token;
  const after = tokens[i + 1];
  return t.kind === 'particle' && t.text === ARTICLE && after?.kind === 'word'
    ? { text: ARTICLE + after.text, span: 2 }
    : undefined;
}

/**
 * A name written in Arabic script with each compound glued around the article split into its halves: Arabic glues
 * ʿAbd to the name of God after it ("عبدالخالق") and many listings write the parts apart ("ABD AL-KHALIQ", "ABDUL
 * KHALIQ"). The halves ("abd", "al", "khalq") are then read word by word, as written apart. Undefined when no word splits.
 */
export function splitAbjadCompounds(tokens: readonly Token[]): Token[] | undefined {
  let split = false;
  const out: Token[] = [];
  for (const t of tokens) {
    const parts = t.kind === 'word' ? gluedArticleParts(t.text) : undefined;
    if (parts === undefined) {
      out.push(t);
      continue;
    }
    out.push({ text: parts[0], kind: 'word' }, { text: ARTICLE, kind: 'particle' }, { text: parts[1], kind: 'word' });
    split = true;
  }
  return split ? out : undefined;
}

/** One word made of the `span` tokens starting where it was found. */
type Join = { readonly text: string; readonly span: number };

/** The tokens with every run that `joinAt` joins made one word; undefined when it joins none. */
function withRunsJoined(
  tokens: readonly Token[],
  joinAt: (tokens: readonly Token[], i: number) => Join | undefined,
): Token[] | undefined {
  const out: Token[] = [];
  let joined = false;
  for (let i = 0; i < tokens.length; i++) {
    const join = joinAt(tokens, i);
    if (join === undefined) {
      out.push(tokens[i] as Token);
      continue;
    }
    out.push({ text: join.text, kind: 'word' });
    joined = true;
    i += join.span - 1;
  }
  return joined ? out : undefined;
}

/**
 * The forms an Arabic-script name is indexed under: as written, with its compounds joined, and with its articles glued
 * too (see above); each only when it differs.
 */
export function abjadNameForms<T extends Token>(written: readonly T[]): (readonly Token[])[] {
  const joined = joinedAbjadCompounds(written);
  const glued = gluedAbjadArticles(joined ?? written);
  const split = splitAbjadCompounds(written);
  return [
    written,
    ...(joined === undefined ? [] : [joined]),
    ...(glued === undefined ? [] : [glued]),
    ...(split === undefined ? [] : [split]),
  ];
}
