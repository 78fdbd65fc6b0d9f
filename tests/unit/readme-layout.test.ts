import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The README's layout section is the map a newcomer reads first: it must name what is in the tree, and the tree must
 * have what it names. Read from both, so a capability added without its line (or a line left after a folder went)
 * fails here.
 */
const root = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

function layoutSection(): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.startsWith('The layout follows'));
  if (start < 0) throw new Error('README.md has no layout section (a paragraph starting "The layout follows")');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('#'));
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The section's bullets, each joined with its continuation lines. */
function bullets(section: string[]): string[] {
  const out: string[] = [];
  for (const line of section) {
    if (line.startsWith('- ')) out.push(line.slice(2));
    else if (/^\s+\S/.test(line) && out.length > 0) out[out.length - 1] += ` ${line.trim()}`;
  }
  return out;
}

const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const isFolderName = (span: string) => /^[a-z0-9][a-z0-9-]*$/.test(span);
const subfolders = (dir: string): string[] =>
  readdirSync(path.join(root, dir)).filter(
    (name) => statSync(path.join(root, dir, name)).isDirectory() && !['dist', 'node_modules'].includes(name),
  );

const section = bullets(layoutSection());
const coreBullet = section.find((b) => b.startsWith('`shared/src/`'));
/** Capability folders the README lists under shared/src. */
const namedCapabilities = new Set(codeSpans(coreBullet ?? '').filter(isFolderName));
/** Every path the section names (`services/api`, `shared/migrations`, `docs/decisions/`…). */
const namedPaths = section.flatMap(codeSpans).filter((span) => span.includes('/') && !span.includes(' '));

describe("the README's layout section", () => {
  it('has a shared/src bullet that lists the capabilities', () => {
    expect(coreBullet).toBeDefined();
    expect(namedCapabilities.size).toBeGreaterThan(0);
  });

  it('names only folders that exist', () => {
    const missing = [
      ...namedPaths.map((p) => p.replace(/\/$/, '')),
      ...[...namedCapabilities].map((c) => `shared/src/${c}`),
    ].filter((p) => !existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });

  it('names every capability folder under shared/src', () => {
    expect(subfolders('shared/src').filter((c) => !namedCapabilities.has(c))).toEqual([]);
  });

  it('names every process under services and workers', () => {
    const named = new Set(namedPaths.map((p) => p.replace(/\/$/, '')));
    const processes = [
      ...subfolders('services').map((s) => `services/${s}`),
      ...subfolders('workers').map((w) => `workers/${w}`),
    ];
    expect(processes.filter((p) => !named.has(p))).toEqual([]);
  });
});
