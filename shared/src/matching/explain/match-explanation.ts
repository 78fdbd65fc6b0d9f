import type { NameKind } from '../../lists/entity-model';
import { NAME_KINDS } from '../../lists/entity-model';
import type { Scored } from '../score/candidate-scoring';
import { explainNameAlignment } from './explain-name';
import type { IndexData } from '../index/index-data';
import { shortfallReason } from './near-miss';
import { tokenizeName, type NameToken, type TokenizedName } from '../normalize/normalize-name';
import type { WeightedToken } from '../score/name-alignment';
import type { MatchableEntity, NameMatch, NearMiss } from '../types';
import { calibratedVerdict } from '../score/calibrated-scorer';

/** The hits as the officer reads them: the listed name met, the score, and the sentences that explain it. */
export function describeMatches(
  ix: IndexData,
  results: readonly Scored[],
  tokenized: TokenizedName,
  threshold: number,
  limit: number,
): NameMatch[] {
  const { tokens, dropped, abjad, hangul } = tokenized;
  return results.slice(0, Math.max(0, limit)).map((r) => {
    const matchedName = ix.nameValue[r.name] as string;
    const matchedNameKind = NAME_KINDS[ix.nameKind[r.name] as number] as NameKind;
    const listedTokens = listedFormTokens(matchedName, r.candidate);
    const explanation = [
      ...explainNameAlignment(
        tokens,
        listedTokens,
        r.candidate,
        r.alignment,
        matchedName,
        matchedNameKind,
        dropped,
        abjad,
        hangul,
      ),
      ...r.sentences,
      calibratedVerdict(r.score, threshold),
    ];
    return {
      entityId: (ix.entities[r.entity] as MatchableEntity).id,
      matchedName,
      matchedNameKind,
      score: round(r.score),
      explanation,
    };
  });
}

/**
 * The listed name's tokens as the alignment indexes them: the name as written, or, when the name was met in another
 * form it is indexed under (an Arabic-script compound joined or split, abjad-compounds.ts), that form's words.
 */
function listedFormTokens(matchedName: string, form: readonly WeightedToken[]): NameToken[] {
  const written = tokenizeName(matchedName).tokens;
  if (written.length === form.length && written.every((t, j) => t.text === form[j]?.text)) return written;
  return form.map((t) => ({ text: t.text, surface: t.text, kind: t.kind }));
}

/** The near misses: the listed name met, the score, and the reason it fell short in a few words. */
export function describeNearMisses(
  ix: IndexData,
  near: readonly Scored[],
  tokenized: TokenizedName,
  limit: number,
): NearMiss[] {
  const { tokens } = tokenized;
  return near.slice(0, Math.max(0, limit)).map((r): NearMiss => {
    const matchedName = ix.nameValue[r.name] as string;
    const reason = shortfallReason(
      tokens,
      listedFormTokens(matchedName, r.candidate),
      r.alignment,
      r.shortfalls,
      r.alignment.score,
    );
    const entity = ix.entities[r.entity] as MatchableEntity;
    const name = (entity.names.find((n) => n.kind === 'primary') ?? entity.names[0])?.value ?? matchedName;
    return {
      entityId: entity.id,
      name,
      matchedName,
      matchedNameKind: NAME_KINDS[ix.nameKind[r.name] as number] as NameKind,
      score: round(r.score),
      reason,
    };
  });
}

function round(score: number): number {
  return Math.round(score * 10000) / 10000;
}
