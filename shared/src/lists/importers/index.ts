import { openCaSemaXml } from './ca-sema-xml-importer';
import { openEuFsfXml } from './eu-fsf-xml-importer';
import { openFtmJson } from './ftm-json-importer';
import { openOfacCsv } from './ofac-csv-importer';
import { openOfacXml } from './ofac-xml-importer';
import { openSeed } from './seed-importer';
import { openUkOfsiCsv } from './uk-ofsi-csv-importer';
import { openUnXml } from './un-xml-importer';
import { ListFileError } from './list-file-error';
import { singleListFile } from './list-folders';
import type { ImportFormat, OpenListOptions, ParsedList } from './parsed-list';

export { ListFileError, type ListFileLocation } from './list-file-error';
export { relocator } from './relocate-files';
export {
  IMPORT_FORMATS,
  isImportFormat,
  type DeltaOperationCounts,
  type ImportFormat,
  type ImportStats,
  type ImportWarning,
  type ListFileDigest,
  type OpenListOptions,
  type ParsedList,
} from './parsed-list';
export { countryCode } from '../../countries';
export { parseBirthDates } from './dates';
export { parseOfacRemarks, type OfacRemarkFacts } from './ofac-remarks';

const OPENERS: Record<ImportFormat, (path: string, options: OpenListOptions) => Promise<ParsedList>> = {
  'ofac-sdn-csv': (path, options) => openOfacCsv('ofac-sdn-csv', path, options),
  'ofac-cons-csv': (path, options) => openOfacCsv('ofac-cons-csv', path, options),
  'ofac-xml': openOfacXml,
  'un-xml': openUnXml,
  'uk-ofsi-csv': openUkOfsiCsv,
  'ca-sema-xml': openCaSemaXml,
  'eu-fsf-xml': openEuFsfXml,
  'ftm-json': openFtmJson,
  seed: openSeed,
};

/**
 * Opens a list file (or, for the OFAC CSV formats, a directory of files) in the given format.
 *
 * Before resolving, each file is recognised from its first bytes (a wrong format, encoding or
 * schema fails here, without reading a possibly huge file) and then hashed, streaming. The entities
 * are parsed lazily while `entities` is iterated, so the file is never held in memory whole;
 * `warnings` fills as they are. Anything that makes the file unusable throws a ListFileError naming
 * the file, the line or element, and the reason.
 */
export async function openList(format: ImportFormat, path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  const open = OPENERS[format];
  if (!open) throw new TypeError(`Unknown list format "${String(format)}"`);
  const single = SINGLE_FILE[format];
  const file = single ? await singleListFile(path, single.extension, single.expected) : path;
  return counted(await open(file, options));
}

/** Formats published as one file, which may be given as the folder holding it. The OFAC CSV formats take a folder of several. */
const SINGLE_FILE: Partial<Record<ImportFormat, { extension: string; expected: string }>> = {
  'ofac-xml': { extension: '.xml', expected: "OFAC's sdn_advanced.xml" },
  'un-xml': { extension: '.xml', expected: "the UN's consolidated.xml" },
  'uk-ofsi-csv': { extension: '.csv', expected: "OFSI's ConList.csv" },
  'ca-sema-xml': { extension: '.xml', expected: "Global Affairs Canada's sema-lmes.xml" },
  'eu-fsf-xml': { extension: '.xml', expected: "the EU's FSF XML file" },
  'ftm-json': { extension: '.json', expected: 'an OpenSanctions entities.ftm.json or entities.delta.json' },
  seed: { extension: '.json', expected: 'a seed dataset JSON file' },
};

/** Counts the entities and refuses a list that names one id twice, which no version can hold. */
function counted(list: ParsedList): ParsedList {
  const inner = list.entities;
  async function* entities() {
    list.stats.entities = 0;
    const seen = new Set<string>();
    for await (const entity of inner) {
      if (seen.has(entity.sourceEntityId)) {
        throw new ListFileError({ file: list.files[0]?.path ?? '' }, `lists entity ${entity.sourceEntityId} twice`);
      }
      seen.add(entity.sourceEntityId);
      list.stats.entities++;
      yield entity;
    }
  }
  return { ...list, entities: { [Symbol.asyncIterator]: entities } };
}
