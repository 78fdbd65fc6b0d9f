import type { Logger } from '../logging';

/** Runs every shutdown step in order, even when one fails, so connections are never left open. */
export async function runShutdownSteps(steps: (() => Promise<unknown>)[], logger: Logger): Promise<void> {
  for (const step of steps) await step().catch((error: unknown) => logger.warn('shutdown step failed', { error }));
}

/** Stops gracefully on SIGINT/SIGTERM: stop taking work, finish what is in flight, close connections. */
export function runUntilSignalled(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** Entry-point helper: report a failed start on stderr without a stack trace, exit non-zero. */
export function exitOnStartFailure(error: Error): never {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

/** Entry-point helper for command-line programs: exit with the code main returns, or 1 with the error's message. */
export function runCommand(main: () => Promise<number>): void {
  main().then((code) => process.exit(code), exitOnStartFailure);
}
export { installProcessGuards, isClientStreamError } from './process-guard';
export { SwappedBuild } from './swapped-build';
export { aboutTheData, GroupCommit, type GroupMember } from './group-commit';
