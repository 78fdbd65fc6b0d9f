/**
 * A consonant-skeleton phonetic key for romanised names, in the spirit of Soundex but without its length cap:
 * vowels go (romanisations disagree mostly on vowels: Yusuf/Yousef, Jong/Jeong), look-alike consonants fold together
 * (k/g/q/c, t/d, p/b, f/v/w/ph, s/z), doubled consonants collapse. A leading vowel is kept as "a" so Ibrahim and
 * Ebrahim agree but Ahmad and Hamad do not.
 * Unvowelled transliterations (Arabic "mhmd") get the same key as the vowelled listing ("muhammad").
 */
export function phoneticKey(token: string): string {
  let key = keyCache.get(token);
  if (key === undefined) {
    key = computePhoneticKey(token);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(token, key);
  }
  return key;
}

/** Keys are memoised: names repeat their words endlessly and the key is a chain of regex rewrites. */
const KEY_CACHE_LIMIT = 200_000;
const keyCache = new Map<string, string>();

function computePhoneticKey(token: string): string {
  let s = token
    .replace(/ou(?=[aeio])/g, 'w') // French romanisation: "Ouong", "Sinouar", "Radouan"
    .replace(/sch|tch|sh|ch/g, 'x')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/kh|gh/g, 'h')
    .replace(/th|dh/g, 't')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ts|tz/g, 's');
  let key = '';
  let previous = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    let cls: string;
    // A leading "y" before a vowel is the same glide as a leading "i" (Yahya/Iahya, Yong/Iong).
    if ('aeiou'.includes(ch) || (ch === 'y' && (i > 0 || 'aeiou'.includes(s.charAt(1))))) {
      if (i === 0) key += 'a';
      previous = '';
      continue;
    }
    switch (ch) {
      case 'c':
      case 'g':
      case 'k':
      case 'q':
        cls = 'k';
        break;
      case 'd':
      case 't':
        cls = 't';
        break;
      case 'b':
      case 'p':
        cls = 'p';
        break;
      case 'f':
      case 'v':
      case 'w':
        cls = 'f';
        break;
      case 's':
      case 'z':
        cls = 's';
        break;
      case 'x':
        cls = 'x';
        break;
      default:
        cls = ch;
    }
    if (cls !== previous) key += cls;
    previous = cls;
  }
  s = key;
  return s;
}
