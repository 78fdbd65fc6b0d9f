export {
  screeningRequestSchema,
  screeningQuerySchema,
  screeningJobSchema,
  screeningGroupJobSchema,
  partialBirthDate,
  knownCountry,
  UNKNOWN_COUNTRY,
  MAX_NAME_LENGTH,
  type ScreeningRequest,
  type ScreeningJob,
  type ScreeningGroupJob,
  type ScreeningQueueData,
  type ScreeningQueryInput,
  type UnrecordedRow,
} from './screening-request';
export {
  submitScreening,
  recordUnanswered,
  withdrawUnanswered,
  getScreening,
  performScreening,
  markScreeningFailed,
  staleQueuedScreenings,
  screeningStatus,
  type ScreeningView,
  type ScreeningMatchView,
  type ScreeningStatus,
  type Decision,
  type UnrecordedScreening,
} from './screening-service';
export {
  screeningJob,
  screeningJobId,
  screeningGroupJob,
  screeningGroupJobId,
  screeningJobFor,
  SCREENING_JOB_NAME,
  SCREENING_GROUP_JOB_NAME,
} from './screening-job';
export { MatchIndexCache, NoListLoadedError, type LoadedIndex } from './match-index-cache';
export { ScreeningWaiter, type WaitOutcome } from './screening-waiter';
export { ScreeningWriter, type CommittedScreening } from './screening-writer';
export { ScreeningIntake, type NewScreening, type Submitted } from './screening-intake';
export {
  announceLocally,
  announcementOf,
  onLocalAnnouncement,
  readAnnouncement,
  type Announced,
} from './screening-announcement';
export { screeningViewOf } from './screening-view';
export { matchScreening, recordScreenings, type MatchedScreening, type RecordedScreening } from './screening-record';
export { closestField, parseScreeningRequest } from './request-messages';
export { BATCH_COLUMNS, canonicalColumn, type BatchColumn } from './customer-columns';
