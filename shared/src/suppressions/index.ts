/**
 * False-positive memory: a match an officer cleared for a customer stays out of that customer's later screenings
 * (single, batch, monitoring) until the listed record changes or someone ends the suppression.
 */
export { applySuppressions, type SuppressedMatch, type SuppressibleMatch } from './apply-suppressions';
export {
  liveSuppressionsOfScreenings,
  siftGroup,
  subjectKeysOfGroup,
  type GroupScreening,
  type ScreeningSuppressionRow,
} from './screening-group-suppressions';
export { customerKey, subjectOf, subjectOfNormalized, type ScreenedCustomer } from './customer-key';
export {
  endSuppression,
  getSuppression,
  importSuppression,
  listSuppressions,
  suppressFalsePositives,
  type SuppressionView,
} from './suppression-service';
