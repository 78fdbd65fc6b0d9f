import { AllowList, blockedReason, embeddedIpv4, vetTarget, type Resolver } from '@sanctions/shared/webhooks';

describe('the SSRF address classifier', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['168.63.129.16', 'cloud metadata'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'unique local (private)'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback, inside an IPv6 address'],
    ['::ffff:7f00:1', 'loopback, inside an IPv6 address'],
    ['::ffff:a9fe:a9fe', 'link-local (cloud metadata), inside an IPv6 address'],
    ['64:ff9b::a00:1', 'private, inside an IPv6 address'],
    ['2002:c0a8:101::1', 'private, inside an IPv6 address'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(blockedReason(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts the public address %s',
    (address) => {
      expect(blockedReason(address)).toBeUndefined();
    },
  );

  it('reads the IPv4 address inside mapped, NAT64 and 6to4 addresses', () => {
    expect(embeddedIpv4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(embeddedIpv4('::ffff:0a00:0001')).toBe('10.0.0.1');
    expect(embeddedIpv4('64:ff9b::808:808')).toBe('8.8.8.8');
    expect(embeddedIpv4('2606:4700::1')).toBeUndefined();
  });
});

describe('vetting a webhook target', () => {
  const resolvesTo =
    (...addresses: string[]): Resolver =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const none = new AllowList([]);

  it('connects to the address it checked', async () => {
    await expect(vetTarget('https://hooks.example.com/x', none, resolvesTo('93.184.216.34'))).resolves.toMatchObject({
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('refuses a host when any of its addresses is private (DNS rebinding, split answers)', async () => {
    await expect(
      vetTarget('https://hooks.example.com/x', none, resolvesTo('93.184.216.34', '10.0.0.5')),
    ).rejects.toThrow(/resolves to 10\.0\.0\.5, a private address/);
    await expect(vetTarget('https://metadata.google.internal/', none, resolvesTo('169.254.169.254'))).rejects.toThrow(
      /link-local/,
    );
  });

  it('requires https, except for hosts in the allow list', async () => {
    await expect(vetTarget('http://hooks.example.com/x', none, resolvesTo('93.184.216.34'))).rejects.toThrow(/https/);
    await expect(
      vetTarget('http://hooks.internal/x', new AllowList(['hooks.internal']), resolvesTo('10.0.0.5')),
    ).resolves.toMatchObject({ address: '10.0.0.5' });
    await expect(vetTarget('http://127.0.0.1:8080/x', new AllowList(['127.0.0.1']))).resolves.toMatchObject({
      address: '127.0.0.1',
    });
  });

  it('lets allowed CIDRs through, and only those', async () => {
    const allow = new AllowList(['10.0.0.0/8', '::1']);
    await expect(vetTarget('https://a.internal/', allow, resolvesTo('10.20.30.40'))).resolves.toMatchObject({
      address: '10.20.30.40',
    });
    await expect(vetTarget('https://[::1]/', allow)).resolves.toMatchObject({ family: 6 });
    await expect(vetTarget('https://b.internal/', allow, resolvesTo('192.168.0.1'))).rejects.toThrow(/private/);
  });

  it('refuses credentials in the URL and hosts that do not resolve', async () => {
    await expect(vetTarget('https://u:p@hooks.example.com/', none, resolvesTo('93.184.216.34'))).rejects.toThrow(
      /credentials/,
    );
    const nxdomain: Resolver = async () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
    await expect(vetTarget('https://nowhere.example/', none, nxdomain)).rejects.toThrow(
      /does not resolve \(ENOTFOUND\)/,
    );
  });

  it('refuses an allow list entry it cannot read', () => {
    expect(() => new AllowList(['10.0.0.0/40'])).toThrow(/prefix/);
    expect(() => new AllowList(['hooks.example.com/8'])).toThrow(/not a host name/);
  });
});
