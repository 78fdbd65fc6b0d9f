import table from './data/given-name-variants.json';
import { SPELLING_VARIANTS } from './name-vocabulary';

/**
 * Given-name variants across languages and their hypocorisms ("William" / "Bill", "Aleksandr" / "Sasha", "José" /
 * "Pepe", "Yusuf" / "Joseph"), from the data file beside this one (data/given-name-variants.json, its sources named
 * there). A name may sit in several groups ("Sasha" is Aleksandr and Aleksandra). Names are read under their canonical
 * spelling, as the tokenizer writes them.
 */
const GROUPS_OF: ReadonlyMap<string, readonly number[]> = (() => {
  const of = new Map<string, number[]>();
  let group = 0;
  for (const groups of Object.values(table.groups)) {
    for (const line of groups) {
      for (const name of new Set(line.split(' ').map((n) => SPELLING_VARIANTS.get(n) ?? n))) {
        const at = of.get(name) ?? [];
        at.push(group);
        of.set(name, at);
      }
      group++;
    }
  }
  return of;
})();

/** Every name of the groups a canonical word is in, itself left out: the one relation both functions below read. */
const VARIANTS_OF: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const members = new Map<number, string[]>();
  for (const [name, groups] of GROUPS_OF)
    for (const g of groups) (members.get(g) ?? members.set(g, []).get(g))?.push(name);
  const of = new Map<string, ReadonlySet<string>>();
  for (const [name, groups] of GROUPS_OF)
    of.set(name, new Set(groups.flatMap((g) => members.get(g) ?? []).filter((other) => other !== name)));
  return of;
})();
const NO_VARIANTS: ReadonlySet<string> = new Set();

/**
 * The other names of a given name's groups ("pasha" → "pavel", "paul", …), the words retrieval looks for beside its
 * spellings; none for a word the table does not know.
 */
export function givenNameVariantsOf(word: string): ReadonlySet<string> {
  return VARIANTS_OF.get(word) ?? NO_VARIANTS;
}

/** Whether two canonical words are variants of one given name (not the same word: that is a plain match). */
export function givenNameVariants(a: string, b: string): boolean {
  return VARIANTS_OF.get(a)?.has(b) ?? false;
}

/** How many distinct names the table knows, for the README and tests. */
export const GIVEN_NAME_VARIANT_COUNT = GROUPS_OF.size;
