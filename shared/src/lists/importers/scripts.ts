/** Unicode ranges of the non-Latin scripts that appear in the lists, with their ISO 15924 codes. */
const SCRIPTS: readonly [code: string, pattern: RegExp][] = [
  ['Cyrl', /[\u0400-\u04ff\u0500-\u052f]/],
  ['Arab', /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/],
  ['Hang', /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/],
  ['Hani', /[\u4e00-\u9fff\u3400-\u4dbf]/],
  ['Geor', /[\u10a0-\u10ff]/],
  ['Hebr', /[\u0590-\u05ff]/],
  ['Grek', /[\u0370-\u03ff]/],
  ['Armn', /[\u0530-\u058f]/],
  ['Thai', /[\u0e00-\u0e7f]/],
  ['Mymr', /[\u1000-\u109f]/],
  ['Ethi', /[\u1200-\u137f]/],
  ['Deva', /[\u0900-\u097f]/],
  ['Jpan', /[\u3040-\u30ff]/],
];

/** The ISO 15924 code of the first non-Latin script in the text, or undefined for Latin (or unknown) text. */
export function detectScript(text: string): string | undefined {
  if (isLatin(text)) return undefined;
  for (const [code, pattern] of SCRIPTS) if (pattern.test(text)) return code;
  return undefined;
}

/** Latin letters (with their accents), digits, punctuation and spaces only. */
function isLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x024f || (code >= 0x1e00 && code <= 0x1eff) || (code >= 0x2000 && code <= 0x206f) || code === 0x00a0)
      continue;
    return false;
  }
  return true;
}
