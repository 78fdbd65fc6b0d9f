import { mayBeAcronym, nameAcronyms, type AcronymReading } from '../normalize/acronyms';
import { ACRONYM_SIMILARITY } from '../score/acronym-edges';
import type { IndexData } from './index-data';

/**
 * A listed acronym shared by more names than this is too common to retrieve by: its names would crowd the names
 * scored (MAX_NAMES_SCORED) out, and the word is more likely a word than their initials.
 */
export const ACRONYM_MAX_NAMES = 20;

/** A query token (query-units.ts's QueryToken: only text, kind and weight are read here). */
interface QueryToken {
  readonly text: string;
  readonly kind: string;
  readonly weight: number;
}
/** A retrieval unit as query-units.ts defines it (declared apart so the two files import one way). */
interface RetrievalUnit {
  weight: number;
  matches: readonly { id: number; similarity: number }[];
}

/** A query's acronyms read against the list: what retrieval adds for them. */
export interface AcronymRetrieval {
  /** Listed organisation names a query word abbreviates ("PLA" → "People's Liberation Army"), scored whatever bounds say. */
  names: readonly number[];
  /** Listed words that abbreviate a run of query words ("United Aircraft Corporation" → "UAC"), as retrieval units. */
  units: RetrievalUnit[];
}

const NONE: AcronymRetrieval = { names: [], units: [] };

/** The listed names and words a query's acronyms meet, as `reading` allows (normalize/acronyms.ts). */
export function acronymRetrieval(
  queryTokens: readonly QueryToken[],
  ix: IndexData,
  reading: AcronymReading,
): AcronymRetrieval {
  if (reading === 'none') return NONE;
  let names: number[] | undefined;
  for (const t of queryTokens) {
    if (!mayBeAcronym(t)) continue;
    const abbreviated = ix.acronyms.namesOf(t.text, ACRONYM_MAX_NAMES);
    if (abbreviated !== undefined) (names ??= []).push(...abbreviated);
  }
  const units: RetrievalUnit[] = [];
  for (const { acronym, start, end } of reading === 'both' ? nameAcronyms(queryTokens) : []) {
    const id = ix.tokenIds.get(acronym);
    if (id === undefined || ix.postingCount(id) === 0) continue;
    let weight = 0;
    for (let i = start; i < end; i++) weight += (queryTokens[i] as QueryToken).weight;
    units.push({ weight, matches: [{ id, similarity: ACRONYM_SIMILARITY }] });
  }
  return names === undefined && units.length === 0 ? NONE : { names: names ?? [], units };
}
