export { start, type RunningWorker, type WorkerHooks, type WorkerOptions } from './main';
