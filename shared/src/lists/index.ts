export * from './entity-model';
export * from './sources';
export { parseSeedDataset, seedDatasetSchema, type SeedDataset } from './seed-dataset';
export { contentHash, canonicalJson } from './content-hash';
export {
  importList,
  ListImportError,
  type ListImportInput,
  type ListImportOptions,
  type ListImportResult,
  type ListFileDigest,
  type ImportWarning,
} from './list-import-service';
export {
  activeListVersions,
  findEntity,
  findListVersion,
  indexableEntity,
  listSummaries,
  listVersionKey,
  loadIndexableEntities,
  listVersions,
  searchEntities,
  versionDelta,
  type DeltaEntry,
  type EntitySearchHit,
  type ListVersionView,
  type ActiveListVersion,
  type IndexableEntity,
  type ListSummary,
  type StoredEntity,
} from './list-repository';
export { importSeedFile } from './seed-import';
export { setListEnabled, versionWarnings, type ListStateChange, type StoredWarning } from './list-state';
export { DEFAULT_FORMAT, startListImport, type ReceivedListFiles, type StartedListImport } from './list-import-job';
