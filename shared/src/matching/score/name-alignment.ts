import { canonicalWord, type TokenKind } from '../normalize/normalize-name';
import { abjadSpellsCompound } from '../normalize/abjad-reading';
import { ABJAD_AGREEMENT_SIMILARITY, joinedQuerySimilarity, joinedSimilarity } from '../signals/token-similarity';
import { addAcronymEdges } from './acronym-edges';
import type { AcronymReading } from '../normalize/acronyms';

/** A token ready for alignment: canonical text, kind and weight (rarity for words, fixed for the other kinds). */
export interface WeightedToken {
  text: string;
  kind: TokenKind;
  weight: number;
  /**
   * A query token as written, which differs from its text when that is a canonical spelling ("petr" read as "pyotr",
   * "cia" as "co"): two query words are also joined as written ("PETR OCHEMICAL" is "petrochemical", "GAR CIA" "garcia").
   */
  surface?: string;
}

/** The spellings two adjacent query tokens join to: as read, and as written when that differs. */
export function joinedSpellings(left: WeightedToken, right: WeightedToken): [left: string, right: string][] {
  const read: [string, string] = [left.text, right.text];
  const written: [string, string] = [left.surface ?? left.text, right.surface ?? right.text];
  return written[0] === read[0] && written[1] === read[1] ? [read] : [read, written];
}

/** One aligned pair: one or two query tokens against one or two listed tokens (two = split/concatenated word). */
export interface AlignmentEdge {
  query: number[];
  candidate: number[];
  similarity: number;
  /** One side's word is the initials of the other side's words ("PLA" / "People's Liberation Army"). */
  acronym?: true;
}

export type ScoreCap =
  'no-substantive-match' | 'numbers-disagree' | 'single-part' | 'syllable-order' | 'syllable-left-over';

export interface NameAlignment {
  /** 0..1 after caps. */
  score: number;
  /** Before caps, for the explanation. */
  uncappedScore: number;
  cap: ScoreCap | undefined;
  edges: AlignmentEdge[];
  unmatchedQuery: number[];
  /** Of those, the query's patronymics a listed name without one lacks: they cost QUERY_PATRONYMIC_UNMATCHED_FACTOR. */
  unmatchedQueryPatronymics: number[];
  unmatchedCandidate: number[];
}

/**
 * A listed token the query lacks costs this share of its weight: lists carry fuller names (patronymics, second given
 * names) than customer records, so a missing middle name is a smaller doubt than an extra query token.
 */
export const CANDIDATE_UNMATCHED_FACTOR = 0.5;
/** A listed patronymic the query lacks ("Vladimirovich", "Yuryevna"): customer records almost never carry one. */
export const PATRONYMIC_UNMATCHED_FACTOR = 0.2;
/**
 * A query token the listed name lacks costs most of its weight: the customer's name says something the listing does
 * not, though lists also miss middle names.
 */
export const QUERY_UNMATCHED_FACTOR = 0.8;
/**
 * A query patronymic a listed name without one lacks ("Vitalyevich" against "Aleksandr LOZITSKY"): records taken
 * from Russian, Ukrainian or Belarusian documents carry one, and listings often leave it out. Against a listed name
 * with a patronymic of its own an unmatched one is another father, and costs in full.
 */
export const QUERY_PATRONYMIC_UNMATCHED_FACTOR = 0.4;
/** A word met only by an initial (on either side) earns this share of its weight: "J." fits "John" but also "James". */
export const INITIAL_CANDIDATE_CREDIT = 0.6;
/**
 * Joining or splitting tokens is a stronger claim than a typo, so it needs near identity ("sense time" = "sensetime"),
 * and at most {@link MERGE_MAX_LENGTH_GAP} letters of difference ("Malin Berg" is not "MALBERG").
 */
export const MERGE_SIMILARITY_FLOOR = 0.95;
export const MERGE_MAX_LENGTH_GAP = 1;
/** When numbers disagree ("11420 CORP" vs "BELLETECH CORP"), the names are different whatever the words say. */
export const NUMBER_MISMATCH_CAP = 0.5;
/**
 * When a single name part is all that agrees and either side has another part that does not ("George Bush" /
 * "HABBASH, George", "Emma LLC" / "EMMA DANIELS", "Putin" / "PUTIN, Vladimir"), one shared part cannot make a hit.
 */
export const SINGLE_PART_CAP = 0.75;
/**
 * When the two syllables of a Korean given name written in Hangul meet the listed syllables in the other order
 * ("영숙", Yong-suk, against "RI, Su Yong"): the same syllables reversed are another name, so no hit.
 */
export const SYLLABLE_ORDER_CAP = 0.8;
/**
 * When a Chinese or Korean person's name written in Han or Hangul (normalize/syllabic-person-name.ts) leaves a syllable
 * over, or the listed name does ("平 张", Zhang Ping, against "ZHANG, Jiang Ping"; "유진 최", Choe Yu-jin, against "YU,
 * Jin"): such names have no middle names to leave out, so the syllables that agree spell another person's name.
 */
export const SYLLABLE_LEFT_OVER_CAP = 0.8;

const SUBSTANTIVE: ReadonlySet<TokenKind> = new Set<TokenKind>(['word', 'number']);
/** Kinds that may be two halves of one word: words and particles ("al dari" / "aldari"), not initials or legal forms. */
const JOINABLE: ReadonlySet<TokenKind> = new Set<TokenKind>(['word', 'particle']);

/**
 * Aligns query tokens to listed tokens, order-insensitively, and scores the alignment.
 *
 * Pairs (and split/concatenated pairs) above the similarity floor are taken greedily, best first, each token used once.
 * The score is a weighted Dice coefficient: aligned weight on both sides (times similarity) over total weight, where
 * unaligned listed tokens count at {@link CANDIDATE_UNMATCHED_FACTOR}. Caps then enforce the rules that weights alone
 * cannot: numbers must agree, and one shared part cannot carry a match.
 *
 * @param pairSimilarity similarity of query token i and listed token j (0 when they cannot align), so callers can cache
 * @param wholeSyllableName the query is a Chinese or Korean person's name in its own script: a word left over caps
 * @param acronyms whose words may be the initials of the other side's words (normalize/acronyms.ts)
 */
export function alignNames(
  query: readonly WeightedToken[],
  candidate: readonly WeightedToken[],
  pairSimilarity: (i: number, j: number) => number,
  abjad = false,
  orderedPairs: readonly (readonly [number, number])[] = [],
  exactSyllables = false,
  wholeSyllableName = false,
  acronyms: AcronymReading = 'none',
): NameAlignment {
  const edges: AlignmentEdge[] = [];
  // A lone particle paired with a particle is taken last, so a shared "al" never takes the article a compound needs
  // ("abdalkrim" (عبدالكريم) / "ABD AL-KARIM" while the query has an "al" of its own elsewhere).
  let particleEdges: AlignmentEdge[] | undefined;
  for (let i = 0; i < query.length; i++) {
    for (let j = 0; j < candidate.length; j++) {
      const s = pairSimilarity(i, j);
      if (s <= 0) continue;
      const edge = { query: [i], candidate: [j], similarity: s };
      if (query[i]?.kind === 'particle' && candidate[j]?.kind === 'particle') (particleEdges ??= []).push(edge);
      else edges.push(edge);
    }
  }
  // Joined and re-split words are only looked for when some word has no near-exact partner of its own.
  // Syllables read from Han characters only join as a listed word spelled exactly so ("guang zong" / "GUANGZONG").
  if (exactSyllables) addSyllableJoinEdges(query, candidate, edges);
  else if (someWordWithoutExactPartner(query, candidate, edges)) {
    addMergeEdges(query, candidate, edges, false, abjad);
    addMergeEdges(candidate, query, edges, true, abjad);
    if (abjad) {
      addArticleCompoundEdges(query, candidate, edges, false);
      addArticleCompoundEdges(candidate, query, edges, true);
    }
    addResplitEdges(query, candidate, edges);
    if (acronyms !== 'none') {
      // A word already met (nearly) as itself is not read as initials.
      const partners = exactPartners(query, candidate, edges);
      addAcronymEdges(query, candidate, edges, false, partners.query);
      if (acronyms === 'both') addAcronymEdges(candidate, query, edges, true, partners.candidate);
    }
  }
  // Best first; on ties prefer the edge covering more tokens (a clean concatenation beats a partial typo pair), then
  // the edge whose tokens fewer other edges need: of two equal "amin" pairs, take the one that leaves "amin allah"
  // free to meet "AMINULLAH".
  let contention: ((edge: AlignmentEdge) => number) | undefined;
  edges.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      b.query.length + b.candidate.length - (a.query.length + a.candidate.length) ||
      (contention ??= edgeContention(query.length, candidate.length, edges))(a) - contention(b),
  );
  if (particleEdges !== undefined) edges.push(...particleEdges.sort((a, b) => b.similarity - a.similarity));

  const usedQuery = new Uint8Array(query.length);
  const usedCandidate = new Uint8Array(candidate.length);
  const chosen: AlignmentEdge[] = [];
  for (const edge of edges) {
    if (edge.query.some((i) => usedQuery[i] === 1) || edge.candidate.some((j) => usedCandidate[j] === 1)) continue;
    for (const i of edge.query) usedQuery[i] = 1;
    for (const j of edge.candidate) usedCandidate[j] = 1;
    chosen.push(edge);
  }

  let numerator = 0;
  let denominator = 0;
  for (const edge of chosen) {
    const q0 = query[edge.query[0] as number] as WeightedToken;
    const c0 = candidate[edge.candidate[0] as number] as WeightedToken;
    // An initial against a word: the initial earns its own (small) weight, the word only part of its weight.
    const queryCredit = c0.kind === 'initial' && q0.kind !== 'initial' ? INITIAL_CANDIDATE_CREDIT : 1;
    const candidateCredit = q0.kind === 'initial' && c0.kind !== 'initial' ? INITIAL_CANDIDATE_CREDIT : 1;
    for (const i of edge.query) numerator += edge.similarity * queryCredit * (query[i] as WeightedToken).weight;
    for (const j of edge.candidate)
      numerator += edge.similarity * candidateCredit * (candidate[j] as WeightedToken).weight;
  }
  const unmatchedQuery: number[] = [];
  const unmatchedQueryPatronymics: number[] = [];
  const unmatchedCandidate: number[] = [];
  const listedPatronymic = candidate.some(isPatronymic);
  query.forEach((t, i) => {
    if (usedQuery[i] === 1) {
      denominator += t.weight;
      return;
    }
    unmatchedQuery.push(i);
    const patronymic = !listedPatronymic && isPatronymic(t);
    if (patronymic) unmatchedQueryPatronymics.push(i);
    denominator += t.weight * (patronymic ? QUERY_PATRONYMIC_UNMATCHED_FACTOR : QUERY_UNMATCHED_FACTOR);
  });
  candidate.forEach((t, j) => {
    denominator +=
      t.weight *
      (usedCandidate[j] === 1 ? 1 : isPatronymic(t) ? PATRONYMIC_UNMATCHED_FACTOR : CANDIDATE_UNMATCHED_FACTOR);
    if (usedCandidate[j] !== 1) unmatchedCandidate.push(j);
  });
  const uncappedScore = denominator > 0 ? Math.min(1, numerator / denominator) : 0;

  const substantiveEdges = chosen.filter(
    (e) =>
      e.query.some((i) => SUBSTANTIVE.has((query[i] as WeightedToken).kind)) ||
      e.candidate.some((j) => SUBSTANTIVE.has((candidate[j] as WeightedToken).kind)),
  ).length;
  const unmatchedSubstantive =
    unmatchedQuery.some((i) => SUBSTANTIVE.has((query[i] as WeightedToken).kind)) ||
    unmatchedCandidate.some((j) => SUBSTANTIVE.has((candidate[j] as WeightedToken).kind));
  const numbersDisagree =
    unmatchedQuery.some((i) => query[i]?.kind === 'number') ||
    unmatchedCandidate.some((j) => candidate[j]?.kind === 'number');

  let cap: ScoreCap | undefined;
  let score = uncappedScore;
  if (substantiveEdges === 0) {
    cap = 'no-substantive-match';
    score = 0;
  } else if (numbersDisagree && score > NUMBER_MISMATCH_CAP) {
    cap = 'numbers-disagree';
    score = NUMBER_MISMATCH_CAP;
  } else if (substantiveEdges === 1 && unmatchedSubstantive && score > SINGLE_PART_CAP) {
    cap = 'single-part';
    score = SINGLE_PART_CAP;
  } else if (score > SYLLABLE_ORDER_CAP && orderedPairs.some((pair) => reversedPair(pair, chosen))) {
    cap = 'syllable-order';
    score = SYLLABLE_ORDER_CAP;
  } else if (
    wholeSyllableName &&
    score > SYLLABLE_LEFT_OVER_CAP &&
    (unmatchedQuery.some((i) => query[i]?.kind === 'word') ||
      unmatchedCandidate.some((j) => candidate[j]?.kind === 'word'))
  ) {
    cap = 'syllable-left-over';
    score = SYLLABLE_LEFT_OVER_CAP;
  }
  return { score, uncappedScore, cap, edges: chosen, unmatchedQuery, unmatchedQueryPatronymics, unmatchedCandidate };
}

/**
 * Adds edges where two adjacent query words and two listed words are the same letters split at another place
 * ("LAUREN TNKUNDA" / "Laurent NKUNDA", "MYONGC-HIN" / "Myong-Chin"). The listed pair is also read in reverse, since a
 * "SURNAME, Given" listing puts the given name after the surname.
 */
function addResplitEdges(
  query: readonly WeightedToken[],
  candidate: readonly WeightedToken[],
  edges: AlignmentEdge[],
): void {
  for (let i = 0; i + 1 < query.length; i++) {
    const q1 = query[i] as WeightedToken;
    const q2 = query[i + 1] as WeightedToken;
    if (q1.kind !== 'word' || q2.kind !== 'word') continue;
    const joined = q1.text + q2.text;
    for (let j = 0; j + 1 < candidate.length; j++) {
      const c1 = candidate[j] as WeightedToken;
      const c2 = candidate[j + 1] as WeightedToken;
      if (c1.kind !== 'word' || c2.kind !== 'word') continue;
      if (Math.abs(c1.text.length + c2.text.length - joined.length) > MERGE_MAX_LENGTH_GAP) continue;
      const forward =
        joined.charCodeAt(0) === c1.text.charCodeAt(0)
          ? joinedSimilarity(joined, c1.text + c2.text, MERGE_SIMILARITY_FLOOR)
          : 0;
      const backward =
        joined.charCodeAt(0) === c2.text.charCodeAt(0)
          ? joinedSimilarity(joined, c2.text + c1.text, MERGE_SIMILARITY_FLOOR)
          : 0;
      const s = Math.max(forward, backward);
      // Only worth an edge when it is not simply two word-for-word matches.
      if (s > 0 && q1.text !== c1.text && q1.text !== c2.text)
        edges.push({ query: [i, i + 1], candidate: [j, j + 1], similarity: s });
    }
  }
}

/** Whether query tokens a and b (a before b) met listed tokens in the opposite order. */
function reversedPair([a, b]: readonly [number, number], chosen: readonly AlignmentEdge[]): boolean {
  let ja = -1;
  let jb = -1;
  for (const edge of chosen) {
    if (edge.query.length !== 1 || edge.candidate.length !== 1) continue;
    if (edge.query[0] === a) ja = edge.candidate[0] as number;
    else if (edge.query[0] === b) jb = edge.candidate[0] as number;
  }
  return ja >= 0 && jb >= 0 && ja > jb;
}

/** How many edges use each token of an edge, summed: an edge of tokens nobody else wants costs no alternative. */
function edgeContention(
  queryLength: number,
  candidateLength: number,
  edges: readonly AlignmentEdge[],
): (edge: AlignmentEdge) => number {
  const q = new Uint16Array(queryLength);
  const c = new Uint16Array(candidateLength);
  for (const e of edges) {
    for (const i of e.query) q[i] = (q[i] as number) + 1;
    for (const j of e.candidate) c[j] = (c[j] as number) + 1;
  }
  return (edge) => {
    let sum = 0;
    for (const i of edge.query) sum += q[i] as number;
    for (const j of edge.candidate) sum += c[j] as number;
    return sum;
  };
}

/** Per token of each side, 1 when an edge at the merge floor or better covers it: the word met (nearly) as itself. */
function exactPartners(
  query: readonly WeightedToken[],
  candidate: readonly WeightedToken[],
  edges: readonly AlignmentEdge[],
): { query: Uint8Array; candidate: Uint8Array } {
  const q = new Uint8Array(query.length);
  const c = new Uint8Array(candidate.length);
  for (const e of edges) {
    if (e.similarity < MERGE_SIMILARITY_FLOOR) continue;
    for (const i of e.query) q[i] = 1;
    for (const j of e.candidate) c[j] = 1;
  }
  return { query: q, candidate: c };
}

function someWordWithoutExactPartner(
  query: readonly WeightedToken[],
  candidate: readonly WeightedToken[],
  edges: readonly AlignmentEdge[],
): boolean {
  const partners = exactPartners(query, candidate, edges);
  return (
    query.some((t, i) => t.kind === 'word' && partners.query[i] === 0) ||
    candidate.some((t, j) => t.kind === 'word' && partners.candidate[j] === 0)
  );
}

const PATRONYMIC_ENDING = /(?:ovich|evich|ovych|evych|ovna|evna|ivna|ogly|oglu|kyzy|qizi)$/;

/** East Slavic and Turkic patronymics, recognised by their endings. */
export function isPatronymic(token: { readonly kind: TokenKind; readonly text: string }): boolean {
  return token.kind === 'word' && token.text.length >= 7 && PATRONYMIC_ENDING.test(token.text);
}

/** Adds edges where two adjacent query syllables are, written together, exactly a listed word. */
function addSyllableJoinEdges(
  query: readonly WeightedToken[],
  candidate: readonly WeightedToken[],
  edges: AlignmentEdge[],
): void {
  for (let i = 0; i + 1 < query.length; i++) {
    const joined = canonicalWord((query[i] as WeightedToken).text + (query[i + 1] as WeightedToken).text);
    candidate.forEach((c, j) => {
      if (c.kind === 'word' && c.text === joined) edges.push({ query: [i, i + 1], candidate: [j], similarity: 1 });
    });
  }
}

/** Adds edges where two adjacent tokens of `joined` written as one word match one token of `whole`. */
function addMergeEdges(
  joined: readonly WeightedToken[],
  whole: readonly WeightedToken[],
  edges: AlignmentEdge[],
  joinedIsCandidate: boolean,
  abjad: boolean,
): void {
  for (let i = 0; i + 1 < joined.length; i++) {
    const left = joined[i] as WeightedToken;
    const right = joined[i + 1] as WeightedToken;
    // A legal form may also be the end of a word the other side runs together ("HADOM SA" / "HADOMSA").
    if (!JOINABLE.has(left.kind) || !(JOINABLE.has(right.kind) || (right.kind === 'legal' && left.kind === 'word')))
      continue;
    const pairs = joinedIsCandidate ? [[left.text, right.text] as [string, string]] : joinedSpellings(left, right);
    const spellings = pairs.map(([l, r]) => ({ l, r, merged: canonicalWord(l + r) }));
    for (let j = 0; j < whole.length; j++) {
      const target = whole[j] as WeightedToken;
      if (target.kind !== 'word') continue;
      let best = 0;
      for (const { l, r, merged } of spellings) {
        // Guards: same first letter, similar length. An Arabic-script skeleton leaves out the vowels its listed
        // spelling writes ("mhmdtqi" (محمدتقی) / "MOHAMMAD TAGHI"): its reading checks the length.
        // (A known spelling may start with another letter: "evg eny" joins to "evgeny", read as "yevgeny".)
        if (!abjad && target.text.charCodeAt(0) !== l.charCodeAt(0) && merged !== target.text) continue;
        if (!abjad && Math.abs(target.text.length - l.length - r.length) > MERGE_MAX_LENGTH_GAP + 3) continue;
        if (!abjad && Math.abs(merged.length - target.text.length) > MERGE_MAX_LENGTH_GAP && merged !== target.text)
          continue;
        const s = joinedIsCandidate
          ? joinedSimilarity(target.text, merged, MERGE_SIMILARITY_FLOOR, abjad)
          : joinedQuerySimilarity(l, r, merged, target.text, MERGE_SIMILARITY_FLOOR, abjad);
        best = Math.max(best, s);
      }
      if (best < MERGE_SIMILARITY_FLOOR) continue;
      edges.push(
        joinedIsCandidate
          ? { query: [j], candidate: [i, i + 1], similarity: best }
          : { query: [i, i + 1], candidate: [j], similarity: best },
      );
    }
  }
}

/** The Arabic article as a token ("al", "el", "ul" are all read as "al"). */
const ARTICLE = 'al';
/** How much longer or shorter the one word may be than the three joined: the reading itself decides, this only prunes. */
const COMPOUND_MAX_LENGTH_GAP = 4;

/**
 * For a query written in Arabic script: a compound around the article written as three tokens on one side and as one
 * word on the other ("jlal al din" / "JALALUDDIN", "abdalhlim" (عبدالحليم) / "ABD EL HALIM", "bin al shiba" /
 * "BINALSHIBH", "abualizid" (أبواليزيد) / "ABOU EL YAZID"). The single word must be
 * a letter-by-letter reading of the joined skeleton (abjad-reading.ts), so the article's assimilation is understood.
 */
function addArticleCompoundEdges(
  joined: readonly WeightedToken[],
  whole: readonly WeightedToken[],
  edges: AlignmentEdge[],
  joinedIsCandidate: boolean,
): void {
  for (let i = 0; i + 2 < joined.length; i++) {
    const left = joined[i] as WeightedToken;
    const middle = joined[i + 1] as WeightedToken;
    const right = joined[i + 2] as WeightedToken;
    if (!JOINABLE.has(left.kind) || middle.kind !== 'particle' || middle.text !== ARTICLE || right.kind !== 'word')
      continue;
    const merged = left.text + middle.text + right.text;
    for (let j = 0; j < whole.length; j++) {
      const target = whole[j] as WeightedToken;
      if (target.kind !== 'word' || Math.abs(target.text.length - merged.length) > COMPOUND_MAX_LENGTH_GAP) continue;
      const s = joinedIsCandidate
        ? joinedSimilarity(target.text, merged, MERGE_SIMILARITY_FLOOR, true)
        : abjadSpellsCompound(left.text, right.text, target.text)
          ? ABJAD_AGREEMENT_SIMILARITY
          : joinedSimilarity(merged, target.text, MERGE_SIMILARITY_FLOOR, true);
      if (s < MERGE_SIMILARITY_FLOOR) continue;
      edges.push(
        joinedIsCandidate
          ? { query: [j], candidate: [i, i + 1, i + 2], similarity: s }
          : { query: [i, i + 1, i + 2], candidate: [j], similarity: s },
      );
    }
  }
}
