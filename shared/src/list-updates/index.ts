export {
  DEFAULT_DOWNLOAD_TIMEOUT_MS,
  DEFAULT_MAX_DOWNLOAD_BYTES,
  listUpdateOptionsFromConfig,
  updateLists,
  type ListUpdateOptions,
  type ListUpdateProgress,
  type ListUpdateResult,
} from './list-updater';
export {
  LIST_DOWNLOADS,
  displayUrl,
  isDownloadableList,
  resolveDownload,
  type DownloadableListId,
  type DownloadFile,
  type ListDownload,
  type ListUrlOverride,
} from './download-sources';
export { DownloadError, type FetchLike } from './download-file';
export {
  LIST_UPDATE_JOB_NAME,
  LIST_UPDATE_JOB_OPTIONS,
  LIST_UPDATE_SCHEDULER_ID,
  listUpdateJobSchema,
  type ListUpdateJob,
} from './list-update-job';
