import { loadConfig } from '@sanctions/shared/config';

describe('webhook configuration', () => {
  it('defaults to a day of retries, disabling after three days, 90 days of delivery log, and no allowed private hosts', () => {
    expect(loadConfig({}).webhooks).toEqual({
      allowedHosts: [],
      timeoutMs: 10_000,
      maxRetryMs: 24 * 3_600_000,
      disableAfterMs: 72 * 3_600_000,
      backoffBaseMs: 10_000,
      backoffMaxMs: 3_600_000,
      dispatchIntervalMs: 1_000,
      concurrency: 16,
      retentionMs: 90 * 86_400_000,
    });
  });

  it('reads WEBHOOK_ALLOWED_HOSTS as hosts, IPs and CIDRs, and refuses anything else', () => {
    expect(
      loadConfig({ WEBHOOK_ALLOWED_HOSTS: ' 127.0.0.1, 10.0.0.0/8,Hooks.Internal,[::1] ' }).webhooks.allowedHosts,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', 'hooks.internal', '[::1]']);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'http://hooks.internal/' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    expect(loadConfig({ WEBHOOK_MAX_RETRY_HOURS: '0.5' }).webhooks.maxRetryMs).toBe(1_800_000);
  });
});
