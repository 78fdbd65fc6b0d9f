import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How old a signed timestamp a receiver should accept; older deliveries are treated as replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** hex HMAC-SHA256 of "<t>.<body>", keyed with the whole secret string (UTF-8). */
export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** `t=<unix>,v1=<hex>`, with one v1 per secret: during a rotation's grace period both secrets sign. */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${computeSignature(s, timestamp, body)}`)].join(',');
}

/**
 * What a receiver does: the header's timestamp is within the tolerance of now, and one of its v1
 * signatures is the HMAC of "<t>.<raw body>" under the secret. Compared in constant time.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): { ok: true } | { ok: false; reason: string } {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return { ok: false, reason: 'no timestamp' };
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS))
    return { ok: false, reason: 'timestamp outside the tolerance' };
  const expected = Buffer.from(computeSignature(secret, t, body), 'hex');
  const matches = parts
    .filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v!, 'hex'), expected));
  return matches ? { ok: true } : { ok: false, reason: 'no signature matches' };
}
