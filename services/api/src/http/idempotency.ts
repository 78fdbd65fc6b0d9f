import type { Request } from 'express';
import { validationFailed } from '@sanctions/shared/errors';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** The `Idempotency-Key` header of a write, if any: a client retrying after a timeout sends the same one. */
export function idempotencyKeyOf(req: Request): string | null {
  const key = req.get('idempotency-key')?.trim() || null;
  if (key && key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw validationFailed('The Idempotency-Key header is too long', [
      { field: 'Idempotency-Key', message: `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` },
    ]);
  }
  return key;
}
