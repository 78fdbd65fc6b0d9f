import { nameAcronyms } from '../normalize/acronyms';
import { hashString, HashPostings, IntBuffer } from './postings';

/**
 * Listed organisation names by the acronyms their words abbreviate to (normalize/acronyms.ts), so a query word
 * "CHMK" or "PLA" finds "Челябинский металлургический комбинат" or "People's Liberation Army", which share no word
 * with it. Posted at index build under the acronym's hash (a collision only adds a name for scoring to turn away);
 * people's names are not abbreviated (their initials are written as initials).
 */
export class AcronymPostings {
  private keys: IntBuffer | undefined = new IntBuffer();
  private names: IntBuffer | undefined = new IntBuffer();
  private table: HashPostings | undefined;

  /** Posts listed name `name` under every acronym of its tokens (at index build, names in ascending order). */
  add(name: number, tokens: readonly { text: string; kind: string }[]): void {
    for (const { acronym } of nameAcronyms(tokens)) {
      this.keys?.push(hashString(acronym));
      this.names?.push(name);
    }
  }

  /** The listed names `word` may abbreviate, or undefined when there are more than `most`. */
  namesOf(word: string, most: number): number[] | undefined {
    const table = this.sealed();
    if (table.size === 0) return undefined;
    const found: number[] = [];
    table.forEach(hashString(word), (name) => found.push(name));
    return found.length === 0 || found.length > most ? undefined : found;
  }

  bytes(): number {
    return this.sealed().bytes();
  }

  /** The table, built on first use from what the index build posted (the index is read-only from then on). */
  private sealed(): HashPostings {
    if (this.table === undefined) {
      const keys = this.keys ?? new IntBuffer();
      const names = this.names ?? new IntBuffer();
      this.table = new HashPostings(new Uint32Array(keys.toArray().buffer), names.toArray(), keys.length);
      this.keys = undefined;
      this.names = undefined;
    }
    return this.table;
  }
}
