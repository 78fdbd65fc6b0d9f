export { start, type RunningWorker, type WorkerHooks, type WorkerOptions } from './main';
export { startReconciler } from './reconciler';
export { screeningsNamedBy } from './screening-jobs';
