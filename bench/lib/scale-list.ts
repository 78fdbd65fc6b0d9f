import type { Rng } from './variations';

interface Named {
  type: string;
  names: { value: string; kind: string }[];
}

/**
 * Scales a list to about `targetNames` names by mutating real ones: each copy of a random entity has, in every name,
 * one word replaced by or joined with a word of another entity of the same type, or one letter changed. `copy` makes
 * the new entity from its source, a serial number and the mutated names.
 */
export function scaleList<T extends Named>(
  entities: T[],
  targetNames: number,
  rng: Rng,
  copy: (source: T, serial: number, names: T['names']) => T,
): T[] {
  const words = new Map<string, string[]>();
  for (const e of entities) {
    for (const n of e.names) {
      for (const w of n.value.split(/[\s,]+/))
        if (w.length > 1) (words.get(e.type) ?? words.set(e.type, []).get(e.type))?.push(w);
    }
  }
  const mutate = (name: string, type: string): string => {
    const pool = words.get(type) ?? [];
    const tokens = name.split(/\s+/);
    const i = Math.floor(rng() * tokens.length);
    const op = rng();
    if (op < 0.6 && pool.length > 0) tokens[i] = pool[Math.floor(rng() * pool.length)] as string;
    else if (op < 0.8 && pool.length > 0) tokens.splice(i, 0, pool[Math.floor(rng() * pool.length)] as string);
    else {
      const t = tokens[i] as string;
      const k = Math.floor(rng() * t.length);
      tokens[i] = t.slice(0, k) + String.fromCharCode(97 + Math.floor(rng() * 26)) + t.slice(k + 1);
    }
    return tokens.join(' ');
  };
  const out: T[] = [...entities];
  let names = entities.reduce((s, e) => s + e.names.length, 0);
  let serial = 0;
  while (names < targetNames) {
    const source = entities[Math.floor(rng() * entities.length)] as T;
    const copied = copy(
      source,
      serial++,
      source.names.map((n) => ({ ...n, value: mutate(n.value, source.type) })),
    );
    out.push(copied);
    names += copied.names.length;
  }
  return out;
}
