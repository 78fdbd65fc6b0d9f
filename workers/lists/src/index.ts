export { start, type ListsWorkerHooks, type RunningListsWorker } from './main';
