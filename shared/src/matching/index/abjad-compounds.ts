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
 * A name written in Arabic script with its theophoric compounds joined: Arabic writes ʿAbd + one of God's names,
 * X + Allah and X + al-Din as two words ("عبد الرحمن", "عتيق الله", "سراج الدين"), which romanisations often write
 * as one ("ABDULRAHMAN", "ATIQULLAH", "SERAJUDDIN"). The joined skeleton ("abdalrhmn") is read as the one Latin word
 * by the abjad reading, which knows the article inside a compound. Undefined when the name has no such compound.
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
      t.text === SERVANT || after.text === GOD || (article && after.text === FAITH)
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
