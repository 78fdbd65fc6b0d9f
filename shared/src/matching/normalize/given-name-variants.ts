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

/** Whether two canonical words are variants of one given name (not the same word: that is a plain match). */
export function givenNameVariants(a: string, b: string): boolean {
  if (a === b) return false;
  const ga = GROUPS_OF.get(a);
  if (ga === undefined) return false;
  const gb = GROUPS_OF.get(b);
  return gb !== undefined && ga.some((g) => gb.includes(g));
}

/** How many distinct names the table knows, for the README and tests. */
export const GIVEN_NAME_VARIANT_COUNT = GROUPS_OF.size;
