export { runShutdownSteps, runUntilSignalled, exitOnStartFailure, runCommand } from './shutdown';
export { openWorkerProcess, runWorkerProcess, type WorkerProcess } from './worker-process';
