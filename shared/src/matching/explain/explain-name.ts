import type { NameKind } from '../../lists/entity-model';
import {
  CANDIDATE_UNMATCHED_FACTOR,
  NUMBER_MISMATCH_CAP,
  SINGLE_PART_CAP,
  SYLLABLE_ORDER_CAP,
  SYLLABLE_LEFT_OVER_CAP,
  type NameAlignment,
  type WeightedToken,
} from '../score/name-alignment';
import type { NameToken } from '../normalize/normalize-name';
import { placeAdjectiveSimilarity, similarityMethod, translationSimilarity } from '../signals/token-similarity';
import { KOREAN_VARIANT_SIMILARITY, koreanSyllableSimilarity } from '../signals/korean-syllables';

/** Words weighing less than this are called common in explanations. */
const COMMON_WORD_WEIGHT = 0.7;

// prettier-ignore
const KIND_LABEL: Record<NameKind, string> = {
  primary: 'the listed name',
  alias: 'the alias',
  weak_alias: 'the weak alias',
  original_script: 'the original-script name',
};

const percent = (s: number): string => `${Math.round(s * 100)}%`;
const quote = (tokens: readonly NameToken[], indexes: readonly number[]): string =>
  `"${indexes.map((i) => tokens[i]?.surface ?? '').join(' ')}"`;

/** Sentences describing how a query name aligned with one listed name, for a compliance officer. */
export function explainNameAlignment(
  query: readonly NameToken[],
  listed: readonly NameToken[],
  listedWeights: readonly WeightedToken[],
  alignment: NameAlignment,
  listedName: string,
  listedKind: NameKind,
  dropped: readonly string[],
  abjad = false,
  hangul = false,
): string[] {
  const out: string[] = [
    `Best match: ${KIND_LABEL[listedKind]} "${listedName}" (name score ${percent(alignment.score)}).`,
  ];
  if (dropped.length > 0) out.push(`Titles ignored: ${dropped.map((d) => `"${d}"`).join(', ')}.`);
  for (const edge of alignment.edges) {
    const q = quote(query, edge.query);
    const c = quote(listed, edge.candidate);
    if (edge.acronym === true)
      out.push(
        edge.query.length === 1
          ? `${q} is the initials of ${c}, which counts for less than the words themselves.`
          : `${c} is the initials of ${q}, which counts for less than the words themselves.`,
      );
    else if (edge.query.length > 1)
      out.push(`${q} written as one word matches ${c} (${percent(edge.similarity)} similar).`);
    else if (edge.candidate.length > 1)
      out.push(`${q} matches ${c} written as one word (${percent(edge.similarity)} similar).`);
    else {
      const qt = query[edge.query[0] as number] as NameToken;
      const ct = listed[edge.candidate[0] as number] as NameToken;
      const method =
        translationSimilarity(qt.translations, ct.text) > 0
          ? 'translation'
          : similarityMethod(qt.text, qt.kind, ct.text, ct.kind, abjad);
      const place =
        method === 'none' &&
        qt.placeStems !== undefined &&
        placeAdjectiveSimilarity(qt.placeStems, ct.text) === edge.similarity;
      if (method === 'exact' && qt.surface !== ct.surface && qt.kind === 'word')
        out.push(`${q} and ${c} are known spellings of the same name.`);
      else if (method === 'exact' && qt.kind === 'legal')
        out.push(`${q} and ${c} are the same legal form (it carries little weight).`);
      else if (method === 'exact') out.push(`${q} matches ${c} exactly.`);
      else if (method === 'initial')
        out.push(
          `The initial ${qt.kind === 'initial' ? q : c} fits ${qt.kind === 'initial' ? c : q}, which counts for less than the full name.`,
        );
      else if (
        hangul &&
        qt.kind === 'word' &&
        ct.kind === 'word' &&
        koreanSyllableSimilarity(qt.text, ct.text) === KOREAN_VARIANT_SIMILARITY
      ) {
        out.push(
          `${q} and ${c} write the same Korean syllable in two romanisations (${percent(edge.similarity)} similar).`,
        );
      } else if (place) out.push(`${q} is the adjective of the place ${c} (${percent(edge.similarity)} similar).`);
      else if (method === 'translation') out.push(`${q} is the word listings translate as ${c}.`);
      else if (method === 'given-name-variant')
        out.push(`${q} and ${c} are forms of one given name (another language's form or a nickname).`);
      else if (method === 'near-reading')
        out.push(`${q} reads as ${c} but for one letter, a slip listings make (${percent(edge.similarity)} similar).`);
      else if (method === 'phonetic' && abjad)
        out.push(
          `${q} has the consonants of ${c}; the query's script does not write vowels (${percent(edge.similarity)} similar).`,
        );
      else if (method === 'phonetic') out.push(`${q} sounds like ${c} (${percent(edge.similarity)} similar).`);
      else out.push(`${q} is spelled close to ${c} (${percent(edge.similarity)} similar).`);
    }
    const common = edge.candidate.filter(
      (j) => listedWeights[j]?.kind === 'word' && (listedWeights[j]?.weight ?? 1) < COMMON_WORD_WEIGHT,
    );
    if (common.length > 0) out.push(`${quote(listed, common)} is a common name part, so it counts for less.`);
  }
  for (const i of alignment.unmatchedQuery) {
    const t = query[i] as NameToken;
    const light = t.kind === 'legal' || t.kind === 'particle';
    const patronymic = alignment.unmatchedQueryPatronymics.includes(i);
    out.push(
      light
        ? `${quote(query, [i])} in the query has no counterpart; as a ${t.kind === 'legal' ? 'legal form' : 'name particle'} it lowers the score only a little.`
        : patronymic
          ? `${quote(query, [i])} in the query is a patronymic the listed name does not give; listings often leave them out, so it lowers the score less than another word would.`
          : `${quote(query, [i])} in the query has no counterpart in the listed name, which lowers the score.`,
    );
  }
  const missing = alignment.unmatchedCandidate.filter(
    (j) => listed[j]?.kind !== 'legal' && listed[j]?.kind !== 'particle',
  );
  if (missing.length > 0) {
    out.push(
      `The listed name also has ${missing.map((j) => quote(listed, [j])).join(', ')}, which the query lacks; this lowers the score ` +
        `by less than an extra query word (weighted ${percent(CANDIDATE_UNMATCHED_FACTOR)}), since lists often give fuller names.`,
    );
  }
  if (alignment.cap === 'numbers-disagree') {
    out.push(
      `The numbers in the two names disagree, so they cannot name the same entity: score capped at ${percent(NUMBER_MISMATCH_CAP)}.`,
    );
  } else if (alignment.cap === 'single-part') {
    out.push(
      `Only one name part agrees while others differ; one shared part cannot carry a match, so the score is capped at ${percent(SINGLE_PART_CAP)}.`,
    );
  } else if (alignment.cap === 'syllable-order') {
    out.push(
      `The syllables of the query's Korean given name meet the listed ones in the other order, which makes another name: score capped at ${percent(SYLLABLE_ORDER_CAP)}.`,
    );
  } else if (alignment.cap === 'syllable-left-over') {
    out.push(
      `A Chinese or Korean name written in its own script has no middle names to leave out, and a syllable here has no counterpart, which makes another name: score capped at ${percent(SYLLABLE_LEFT_OVER_CAP)}.`,
    );
  } else if (alignment.cap === 'no-substantive-match') {
    out.push('Only legal forms, particles or initials agree, which cannot carry a match.');
  }
  return out;
}
