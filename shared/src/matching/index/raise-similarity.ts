/** Raises listed token `id` in a look-up's `found` to at least `similarity`; returns whether it changed. */
export function raiseSimilarity(found: Map<number, number>, id: number, similarity: number): boolean {
  if ((found.get(id) ?? 0) >= similarity) return false;
  found.set(id, similarity);
  return true;
}
