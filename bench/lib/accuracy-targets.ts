/**
 * Three of issue 18's targets, each measured and printed as its own section by bench/accuracy.ts:
 * 1. SDN name variants of many kinds (variations.ts's positive classes and variant-kinds.ts's), pooled: ≥ 99.5%;
 * 2. one person written in 80 forms and scripts (name-forms.ts), pooled and per script: ≥ 90%;
 * 3. cross-script pairs of one entity from the lists' own names (UK ConList, UN): one script's name queried against an
 *    index holding only the other script's names, per script pair: ≥ 90%.
 * Env: BENCH_FORMS_PEOPLE (60), BENCH_TARGETS_PER_CLASS (BENCH_PER_CLASS, 400).
 */
import { buildMatchIndex, type MatchableEntity, type MatchIndex, type ScreeningQuery } from '../../shared/src/matching';
import { FORMS_PER_PERSON, writtenForms } from './name-forms';
import { seededRng, shuffled } from './seeded-rng';
import { EXTRA_VARIATION_CLASSES } from './variant-kinds';
import { generateClass, primary, VARIATION_CLASSES } from './variations';

/** Whether a query finds its expected entity (or the same designation) among the hits, as accuracy.ts judges it. */
export type Finder = (index: MatchIndex, query: ScreeningQuery, expected: string) => boolean;
/** Where a miss was lost: not retrieved at all, retrieved but scored below the threshold, or past the result cap. */
export type MissPlace = (index: MatchIndex, query: ScreeningQuery, expected: string) => string;

export const TARGETS = { sdnVariants: 0.995, eightyForms: 0.9, crossScript: 0.9 } as const;

interface Tally {
  n: number;
  found: number;
}
const pct = (t: Tally): string => (t.n === 0 ? '—' : `${((100 * t.found) / t.n).toFixed(1)}%`);
const add = (m: Map<string, Tally>, key: string, ok: boolean): void => {
  const t = m.get(key) ?? { n: 0, found: 0 };
  t.n++;
  if (ok) t.found++;
  m.set(key, t);
};
const total = (m: Map<string, Tally>): Tally =>
  [...m.values()].reduce((a, t) => ({ n: a.n + t.n, found: a.found + t.found }), { n: 0, found: 0 });
const verdict = (t: Tally, target: number): string =>
  `${t.found / Math.max(1, t.n) >= target ? 'meets' : 'below'} target ≥ ${(target * 100).toFixed(1)}%`;

function printSection(title: string, rows: Map<string, Tally>, pooled: Tally, target: number, note: string): void {
  console.log(`\n## ${title}\n`);
  console.log(`Pooled: n ${pooled.n}, found ${pct(pooled)}, ${verdict(pooled, target)}. ${note}\n`);
  console.log('| part | n | found | target |');
  console.log('|---|---:|---:|---:|');
  for (const [name, t] of rows) console.log(`| ${name} | ${t.n} | ${pct(t)} | ≥ ${(target * 100).toFixed(1)}% |`);
  console.log(`| **pooled** | ${pooled.n} | ${pct(pooled)} | ≥ ${(target * 100).toFixed(1)}% |`);
}

/** Target 1: every positive variation class, drawn from SDN entities only, and pooled. */
export function sdnVariantsSection(
  index: MatchIndex,
  sdn: readonly MatchableEntity[],
  found: Finder,
  perClass: number,
  misses: string[],
): Tally {
  const rows = new Map<string, Tally>();
  let seed = 101;
  for (const cls of [...VARIATION_CLASSES.filter((c) => c.positive), ...EXTRA_VARIATION_CLASSES]) {
    for (const q of generateClass(cls, sdn, perClass, seed++)) {
      const ok = found(index, { name: q.query }, q.expected as string);
      add(rows, cls.name, ok);
      if (!ok) misses.push(`${cls.name}: ${JSON.stringify(q.query)} (from ${JSON.stringify(q.source)})`);
    }
  }
  const pooled = total(rows);
  printSection(
    'Target: SDN name variants of many kinds, the expected designation among the matches',
    rows,
    pooled,
    TARGETS.sdnVariants,
    `Up to ${perClass} queries a class, from SDN entities only.`,
  );
  return pooled;
}

/** Listed people in "SURNAME, Given Names" form with two to four Latin words: the people the 80 forms start from. */
function formPeople(
  sdn: readonly MatchableEntity[],
  count: number,
): { e: MatchableEntity; given: string[]; surname: string }[] {
  const pool = sdn.flatMap((e) => {
    const m = /^([A-Z][A-Z' -]+), ([A-Za-z' -]+)$/.exec(primary(e));
    if (e.type !== 'person' || m === null) return [];
    const surname = (m[1] as string).trim();
    const given = (m[2] as string).trim().split(/\s+/);
    const words = surname.split(/\s+/).length + given.length;
    return words >= 2 && words <= 4 && !surname.includes(' ') ? [{ e, given, surname }] : [];
  });
  return shuffled(pool, seededRng(80)).slice(0, count);
}

/** Target 2: a sample of SDN people, each in 80 written forms, against the index of all lists. */
export function eightyFormsSection(
  index: MatchIndex,
  sdn: readonly MatchableEntity[],
  found: Finder,
  people: number,
  misses: string[],
): Tally {
  const byScript = new Map<string, Tally>();
  const byPerson: number[] = [];
  let formCount = 0;
  for (const [k, p] of formPeople(sdn, people).entries()) {
    const forms = writtenForms(p.given, p.surname, 1000 + k);
    formCount += forms.length;
    let personFound = 0;
    for (const f of forms) {
      const ok = found(index, { name: f.text }, p.e.id);
      add(byScript, f.script, ok);
      if (ok) personFound++;
      else
        misses.push(
          `${f.script} (${f.kind}): ${JSON.stringify(f.text)} (from ${JSON.stringify(`${p.given.join(' ')} ${p.surname}`)})`,
        );
    }
    byPerson.push(personFound / Math.max(1, forms.length));
  }
  const pooled = total(byScript);
  const atTarget = byPerson.filter((r) => r >= TARGETS.eightyForms).length;
  printSection(
    `Target: one person written in ${FORMS_PER_PERSON} forms and scripts, found`,
    new Map([...byScript].sort((a, b) => b[1].n - a[1].n)),
    pooled,
    TARGETS.eightyForms,
    `${byPerson.length} SDN people, ${formCount} forms (${(formCount / Math.max(1, byPerson.length)).toFixed(1)} each); ` +
      `${atTarget} of them found in ≥ 90% of their forms.`,
  );
  return pooled;
}

const SCRIPTS = [
  'Cyrillic',
  'Greek',
  'Arabic',
  'Hebrew',
  'Devanagari',
  'Bengali',
  'Thai',
  'Khmer',
  'Armenian',
  'Georgian',
  'Hangul',
  'Han',
  'Katakana',
  'Hiragana',
] as const;

/** The script a name is written in: the first non-Latin script among its letters, else Latin. */
export function scriptOfName(name: string): string {
  for (const script of SCRIPTS) if (new RegExp(`\\p{Script=${script}}`, 'u').test(name)) return script;
  return /\p{Script=Latin}/u.test(name) ? 'Latin' : 'other';
}

/**
 * Target 3: entities of one list carrying names in two scripts. For each pair of scripts A, B: each of the entity's
 * A names queried against an index of the list's B names only (so a hit must cross the scripts), per direction.
 */
export function crossScriptSection(
  lists: readonly { name: string; entities: readonly MatchableEntity[] }[],
  found: Finder,
  misses: string[],
  place?: MissPlace,
): Tally {
  const rows = new Map<string, Tally>();
  const places = new Map<string, Map<string, number>>();
  for (const list of lists) {
    const scriptsOf = (e: MatchableEntity): Set<string> =>
      new Set(e.names.map((n) => scriptOfName(n.value)).filter((s) => s !== 'other'));
    const pairs = new Set<string>();
    for (const e of list.entities) {
      const scripts = [...scriptsOf(e)];
      for (const a of scripts) for (const b of scripts) if (a !== b) pairs.add(`${a}|${b}`);
    }
    const onlyScript = new Map<string, MatchIndex>();
    const indexOf = (script: string): MatchIndex => {
      let idx = onlyScript.get(script);
      if (idx === undefined) {
        idx = buildMatchIndex(
          list.entities
            .map((e) => ({ ...e, names: e.names.filter((n) => scriptOfName(n.value) === script) }))
            .filter((e) => e.names.length > 0),
        );
        onlyScript.set(script, idx);
      }
      return idx;
    };
    for (const pair of [...pairs].sort()) {
      const [from, to] = pair.split('|') as [string, string];
      const idx = indexOf(to);
      for (const e of list.entities) {
        if (!e.names.some((n) => scriptOfName(n.value) === to)) continue;
        for (const n of e.names) {
          if (scriptOfName(n.value) !== from || n.value.includes('\uFFFD')) continue;
          const ok = found(idx, { name: n.value }, e.id);
          add(rows, `${from} → ${to}`, ok);
          if (ok) continue;
          const where = place?.(idx, { name: n.value }, e.id);
          if (where !== undefined) {
            const byPlace = places.get(`${from} → ${to}`) ?? new Map<string, number>();
            byPlace.set(where, (byPlace.get(where) ?? 0) + 1);
            places.set(`${from} → ${to}`, byPlace);
          }
          misses.push(
            `${list.name} ${from} → ${to}: ${JSON.stringify(n.value)} (${e.id})${where ? ` [${where}]` : ''} listed as ` +
              JSON.stringify(e.names.filter((m) => scriptOfName(m.value) === to).map((m) => m.value)),
          );
        }
      }
    }
  }
  const pooled = total(rows);
  printSection(
    'Target: cross-script pairs of the same person or organisation, from the lists’ own names',
    new Map([...rows].sort((a, b) => b[1].n - a[1].n)),
    pooled,
    TARGETS.crossScript,
    `Lists: ${lists.map((l) => l.name).join(', ')}; each name queried against an index holding only the other script's names of that list.`,
  );
  if (places.size > 0) {
    const kinds = [...new Set([...places.values()].flatMap((m) => [...m.keys()]))].sort();
    console.log(
      `\nWhere the misses were lost:\n\n| part | ${kinds.join(' | ')} |\n|---|${kinds.map(() => '---:').join('|')}|`,
    );
    for (const [part, m] of places) console.log(`| ${part} | ${kinds.map((k) => m.get(k) ?? 0).join(' | ')} |`);
  }
  return pooled;
}
