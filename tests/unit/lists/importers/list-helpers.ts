import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ListedEntity } from '@sanctions/shared/lists/entity-model';
import type { ParsedList } from '@sanctions/shared/lists/importers';

export const FIXTURES = resolve(__dirname, '../../../fixtures/lists');
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

export async function collect(list: ParsedList): Promise<ListedEntity[]> {
  const entities: ListedEntity[] = [];
  for await (const entity of list.entities) entities.push(entity);
  return entities;
}

export function byId(entities: ListedEntity[], id: string): ListedEntity {
  const entity = entities.find((e) => e.sourceEntityId === id);
  if (!entity) throw new Error(`no entity ${id} among ${entities.map((e) => e.sourceEntityId).join(', ')}`);
  return entity;
}

export const names = (entity: ListedEntity, kind?: string) =>
  entity.names.filter((n) => !kind || n.kind === kind).map((n) => n.value);

/** A scratch directory for generated (bad) inputs, removed after the test file. */
export function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'list-import-'));
  return {
    dir,
    write(name: string, content: string | Buffer): string {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
