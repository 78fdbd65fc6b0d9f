import { acronymRunEnd, mayBeAcronym } from '../normalize/acronyms';

/**
 * An organisation's acronym against the words it abbreviates ("PLA" / "People's Liberation Army"): strong evidence,
 * but weaker than the words themselves, since many names share their initials.
 */
export const ACRONYM_SIMILARITY = 0.9;
/** A token as alignment sees it (name-alignment.ts's WeightedToken, of which only text and kind are read here). */
interface WeightedToken {
  readonly text: string;
  readonly kind: string;
}
/** An edge as alignment keeps it (name-alignment.ts's AlignmentEdge; declared apart so the two files import one way). */
interface AlignmentEdge {
  query: number[];
  candidate: number[];
  similarity: number;
  acronym?: true;
}

/**
 * Adds an edge for each word of `short` that spells the initials of a run of words of `long` (normalize/acronyms.ts).
 * Callers ask for these only when neither side is a person: people's initials are written as initials, and a given
 * name spelling another person's initials is chance.
 */
export function addAcronymEdges(
  short: readonly WeightedToken[],
  long: readonly WeightedToken[],
  edges: AlignmentEdge[],
  shortIsCandidate: boolean,
  /** Per word of `short`, 1 when it already meets a word (nearly) as itself: not read as initials, nor walked. */
  partnered: Uint8Array,
): void {
  for (let i = 0; i < short.length; i++) {
    const token = short[i] as WeightedToken;
    if (partnered[i] === 1 || !mayBeAcronym(token)) continue;
    for (let start = 0; start < long.length; start++) {
      if (long[start]?.kind !== 'word' || long[start]?.text[0] !== token.text[0]) continue;
      const end = acronymRunEnd(token.text, long, start);
      if (end < 0) continue;
      const run = Array.from({ length: end - start }, (_, k) => start + k);
      edges.push(
        shortIsCandidate
          ? { query: run, candidate: [i], similarity: ACRONYM_SIMILARITY, acronym: true }
          : { query: [i], candidate: run, similarity: ACRONYM_SIMILARITY, acronym: true },
      );
    }
  }
}
