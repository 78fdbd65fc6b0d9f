export { start, type RunningWorker, type WorkerHooks } from './main';
