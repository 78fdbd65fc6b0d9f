import type { ListSourceId } from '../lists';
import type { ImportFormat } from '../lists/importers';

/** One file of a list as published: the name the importer looks for, and where it is downloaded from. */
export interface DownloadFile {
  name: string;
  /** Absent when there is no public URL (the EU's needs a token): it must be configured. */
  url?: string;
}

export interface ListDownload {
  id: ListSourceId;
  format: ImportFormat;
  files: readonly DownloadFile[];
}

const OFAC_EXPORTS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';
const ofacFiles = (names: string[]) => names.map((name) => ({ name, url: `${OFAC_EXPORTS}/${name}` }));

/** Where each list we can refresh is officially published. URLs can be overridden in config (LIST_UPDATE_URLS). */
export const LIST_DOWNLOADS = {
  'ofac-sdn': {
    id: 'ofac-sdn',
    format: 'ofac-sdn-csv',
    files: ofacFiles(['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv']),
  },
  'ofac-cons': {
    id: 'ofac-cons',
    format: 'ofac-cons-csv',
    files: ofacFiles(['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv']),
  },
  'un-sc': {
    id: 'un-sc',
    format: 'un-xml',
    files: [{ name: 'consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' }],
  },
  'uk-ofsi': {
    id: 'uk-ofsi',
    format: 'uk-ofsi-csv',
    files: [
      { name: 'ConList.csv', url: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv' },
    ],
  },
  'ca-sema': {
    id: 'ca-sema',
    format: 'ca-sema-xml',
    files: [
      {
        name: 'sema-lmes.xml',
        url: 'https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml',
      },
    ],
  },
  // The FSF download URL carries a personal token (https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=…).
  'eu-fsf': { id: 'eu-fsf', format: 'eu-fsf-xml', files: [{ name: 'eu-fsf.xml' }] },
} as const satisfies Partial<Record<ListSourceId, ListDownload>>;

export type DownloadableListId = keyof typeof LIST_DOWNLOADS;

export function isDownloadableList(id: string): id is DownloadableListId {
  return Object.hasOwn(LIST_DOWNLOADS, id);
}

/** A configured override for one list: one URL (the base URL when the list has several files) or a URL per file name. */
export type ListUrlOverride = string | Record<string, string>;

/**
 * The files to fetch for a list, the official URLs with any override applied. A file left without
 * a URL keeps `url` undefined; the updater reports that list as failed instead of guessing.
 */
export function resolveDownload(id: DownloadableListId, override?: ListUrlOverride): ListDownload {
  const download: ListDownload = LIST_DOWNLOADS[id];
  if (override === undefined) return download;
  const files = download.files.map((file): DownloadFile => {
    if (typeof override !== 'string') return { name: file.name, url: override[file.name] ?? file.url };
    if (download.files.length === 1) return { name: file.name, url: override };
    return { name: file.name, url: `${override.replace(/\/+$/, '')}/${file.name}` };
  });
  return { ...download, files };
}

/** A URL fit for logs and stored versions: no query string or credentials, which may hold a token. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
