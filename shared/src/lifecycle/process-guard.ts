import type { Logger } from '../logging';

/** What a client's connection going away looks like when it surfaces on a stream nobody listened to. */
const CLIENT_STREAM_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'HPE_INVALID_EOF_STATE',
]);
/** busboy's and zlib's reasons for a body that ended early or was not what it claimed. */
const CLIENT_STREAM_MESSAGES =
  /^(aborted|Unexpected end of (form|file)|Malformed part header|Malformed urlencoded form|unexpected end of file|incorrect header check|invalid (stored block lengths|distance too far back|block type))/i;

/** True for an error that a misbehaving client caused on one request's stream: that request is lost, nothing else is. */
export function isClientStreamError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as NodeJS.ErrnoException;
  if (e.name === 'AppError' || e.name === 'BodyCutOffError') return true;
  if (
    typeof e.code === 'string' &&
    (CLIENT_STREAM_CODES.has(e.code) || e.code.startsWith('Z_') || e.code.startsWith('ERR_BROTLI'))
  )
    return true;
  return typeof e.message === 'string' && CLIENT_STREAM_MESSAGES.test(e.message);
}

/**
 * The last line of defence of a process serving requests: an error from a request's stream that
 * nobody listened to (every stream we make has a listener; this is for the one we missed) is
 * logged, and the process keeps serving everyone else. Any other uncaught exception means the
 * process is in a state nobody planned for: it is logged and the process exits, for its
 * supervisor to restart it (Postgres holds every accepted request, the reconciler requeues them).
 */
export function installProcessGuards(
  logger: Logger,
  target: Pick<NodeJS.EventEmitter, 'on'> = process,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const onError = (kind: string) => (error: unknown) => {
    if (isClientStreamError(error)) {
      const e = error as NodeJS.ErrnoException & { requestId?: string };
      logger.warn('stray request stream error; still serving', {
        kind,
        reason: e.message,
        code: e.code,
        reqId: e.requestId,
      });
      return;
    }
    logger.error(`${kind}; exiting`, { error });
    exit(1);
  };
  target.on('uncaughtException', onError('uncaught exception'));
  target.on('unhandledRejection', onError('unhandled rejection'));
}
