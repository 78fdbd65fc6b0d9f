import type { MatchableEntity } from '../types';

type ListedName = MatchableEntity['names'][number];
/** A name ending in a parenthesis: "HAQQANI NETWORK (HQN)", "جبهة النصرة (the Victory Front; Jabhat al-Nusrah)". */
const TRAILING_PARENTHESIS = /^(.*[^\s(])\s*\(([^()]+)\)\s*$/u;

/**
 * A listed name, and when it ends in a parenthesis also the name without it and each name inside it: lists put an
 * acronym or other names there, which a customer record never writes beside the name ("HAQQANI NETWORK").
 */
export function withParentheticalForms(name: ListedName): ListedName[] {
  const m = TRAILING_PARENTHESIS.exec(name.value);
  if (m === null) return [name];
  const inside = (m[2] as string)
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((value): ListedName => ({ value, kind: 'alias' }));
  return [name, { value: (m[1] as string).trim(), kind: name.kind }, ...inside];
}
