import type { ListedEntity } from '../entity-model';
import type { ListSourceId } from '../sources';
import { digestAll, ListFile, ProgressCounter } from './list-file';
import type { ImportFormat, ImportStats, ImportWarning, OpenListOptions, ParsedList } from './parsed-list';
import { readXmlHead, xmlRecords, type XmlElement, type XmlHead, type XmlShape } from './xml-records';

/** What differs between the XML list formats: their shape, where they say who and when, and how a record maps. */
export interface XmlListFormat {
  format: ImportFormat;
  shape: XmlShape;
  sourceId: (head: XmlHead) => ListSourceId;
  publishedAt?: (head: XmlHead) => string | undefined;
  toEntity: (record: XmlElement, warnings: ImportWarning[], sourceId: ListSourceId) => ListedEntity;
}

/**
 * Opens one XML list file: recognises it from its head (root element, encoding) before hashing it,
 * then streams one record at a time into entities on each iteration.
 */
export async function openXmlList(path: string, options: OpenListOptions, spec: XmlListFormat): Promise<ParsedList> {
  const file = await ListFile.open(path, { encoding: 'utf-8', expected: spec.shape.expected });
  const size = file.size;
  const xmlHead = readXmlHead(path, file.head, spec.shape, file.headIsWholeFile);
  const sourceId = spec.sourceId(xmlHead);
  const publishedAt = spec.publishedAt?.(xmlHead);
  const files = await digestAll([file]);
  const warnings: ImportWarning[] = [];
  const stats: ImportStats = { recordsRead: 0, entities: 0 };
  async function* entities(): AsyncGenerator<ListedEntity> {
    warnings.length = 0;
    stats.recordsRead = 0;
    const progress = new ProgressCounter(size, options.onProgress);
    for await (const record of xmlRecords(path, file.text(progress.add), spec.shape)) {
      stats.recordsRead++;
      yield spec.toEntity(record, warnings, sourceId);
    }
  }
  return {
    sourceId,
    format: spec.format,
    files,
    ...(publishedAt ? { publishedAt } : {}),
    entities: { [Symbol.asyncIterator]: entities },
    warnings,
    stats,
  };
}
