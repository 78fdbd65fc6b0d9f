import { createHmac } from 'node:crypto';
import {
  backoffDelay,
  computeSignature,
  generateWebhookSecret,
  nextRetryDelay,
  parseRetryAfter,
  signatureHeader,
  verifySignature,
} from '@sanctions/shared/webhooks';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = '{"id":"e1","type":"screening.hit"}';

  it('is the hex HMAC-SHA256 of "<t>.<body>" under the secret', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(computeSignature(secret, 1700000000, body)).toBe(expected);
    expect(signatureHeader([secret], 1700000000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('carries one v1 per secret during a rotation, and either verifies', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], 1700000000, body);
    expect(header.split(',')).toHaveLength(3);
    expect(verifySignature('whsec_new', header, body, { now: 1700000000 })).toEqual({ ok: true });
    expect(verifySignature('whsec_old', header, body, { now: 1700000000 })).toEqual({ ok: true });
    expect(verifySignature('whsec_other', header, body, { now: 1700000000 })).toEqual({
      ok: false,
      reason: 'no signature matches',
    });
  });

  it('rejects a tampered body and a replay older than the tolerance', () => {
    const header = signatureHeader([secret], 1700000000, body);
    expect(verifySignature(secret, header, body.replace('hit', 'completed'), { now: 1700000000 }).ok).toBe(false);
    expect(verifySignature(secret, header, body, { now: 1700000000 + 301 })).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance',
    });
    expect(verifySignature(secret, 'v1=abc', body)).toEqual({ ok: false, reason: 'no timestamp' });
  });

  it('generates distinct whsec_ secrets', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[\w-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});

describe('retry delays', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt, with jitter over the upper half of the step, up to the cap', () => {
    expect(backoffDelay(1, options, () => 0)).toBe(500);
    expect(backoffDelay(1, options, () => 1)).toBe(1000);
    expect(backoffDelay(4, options, () => 0.5)).toBe(6000);
    expect(backoffDelay(30, options, () => 1)).toBe(60_000);
  });

  it('honours Retry-After in seconds or as a date, within the cap', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThan(28_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(nextRetryDelay(1, 30_000, options, () => 0)).toBe(30_000);
    expect(nextRetryDelay(1, 3_600_000, options, () => 0)).toBe(60_000);
    expect(nextRetryDelay(1, undefined, options, () => 0)).toBe(500);
  });
});
