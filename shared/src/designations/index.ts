export {
  mergeByDesignation,
  NO_SHARED_DESIGNATIONS,
  type DesignationMatch,
  type SharedDesignations,
} from './designation-merge';
export { designationEvidence } from './designation-sql';
export { loadSharedDesignations } from './designation-repository';
