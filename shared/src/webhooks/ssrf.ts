import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Where a webhook may not go: loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved. */
const BLOCKED_V4: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
  // Azure's wire server answers metadata requests from a public address.
  ['168.63.129.16', 32, 'cloud metadata'],
];

const BLOCKED_V6: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'IPv4-compatible'],
  ['100::', 64, 'discard'],
  // Local-use NAT64 (RFC 8215): a translator of the operator's own, which may reach private IPv4 space.
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  // Teredo tunnels to an IPv4 host through a relay; whatever it reaches is not checked here.
  ['2001::', 32, 'Teredo tunnel'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const v4Ranges = BLOCKED_V4.map(([net, prefix, reason]) => ({ list: subnet(net, prefix, 'ipv4'), reason }));
const v6Ranges = BLOCKED_V6.map(([net, prefix, reason]) => ({ list: subnet(net, prefix, 'ipv6'), reason }));

function subnet(network: string, prefix: number, type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return list;
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address. */
export function embeddedIpv4(address: string): string | undefined {
  const words = expandIpv6(address);
  if (!words) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) return v4(words[6]!, words[7]!);
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0))
    return v4(words[6]!, words[7]!);
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  return undefined;
}

function expandIpv6(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  const words = [...h, ...fill, ...t].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => Number.isInteger(w)) ? words : undefined;
}

/** Why an address may not be a webhook target, or undefined when it is a public address. */
export function blockedReason(address: string): string | undefined {
  const family = isIP(address);
  if (family === 4) return v4Ranges.find((r) => r.list.check(address, 'ipv4'))?.reason;
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) {
      const reason = blockedReason(v4);
      return reason && `${reason}, inside an IPv6 address`;
    }
    const bare = address.replace(/%.*$/, '');
    return v6Ranges.find((r) => r.list.check(bare, 'ipv6'))?.reason;
  }
  return 'not an IP address';
}

/** WEBHOOK_ALLOWED_HOSTS: host names (exact), IP addresses and CIDRs that are exempt from the checks. */
export class AllowList {
  private readonly hosts = new Set<string>();
  private readonly addresses = new BlockList();

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      if (!entry) continue;
      const [network, prefixText] = entry.split('/') as [string, string | undefined];
      const family = isIP(network);
      if (family === 0) {
        if (prefixText !== undefined || !/^[a-z0-9.-]+$/.test(entry))
          throw new Error(`WEBHOOK_ALLOWED_HOSTS: "${raw}" is not a host name, an IP address or a CIDR`);
        this.hosts.add(entry);
        continue;
      }
      const type = family === 4 ? 'ipv4' : 'ipv6';
      const max = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > max)
        throw new Error(`WEBHOOK_ALLOWED_HOSTS: "${raw}" has an invalid prefix length`);
      this.addresses.addSubnet(network, prefix, type);
      this.hosts.add(network);
    }
  }

  hasHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase().replace(/^\[|\]$/g, ''));
  }

  hasAddress(address: string): boolean {
    const family = isIP(address);
    if (family === 0) return false;
    if (this.addresses.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
    const v4 = family === 6 ? embeddedIpv4(address) : undefined;
    return v4 !== undefined && this.addresses.check(v4, 'ipv4');
  }
}

export interface VettedTarget {
  url: URL;
  /** The address to connect to, already checked: connecting elsewhere would reopen a DNS-rebinding hole. */
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

export class TargetRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefusedError';
  }
}

/**
 * Checks a webhook URL and resolves it to the address to connect to. Refuses anything but https
 * (http only for hosts in the allow list), credentials in the URL, and hosts that resolve to any
 * loopback, private, link-local, CGNAT, metadata, multicast or reserved address, unless the host
 * or that address is in the allow list. Run at creation and again before every attempt.
 */
export async function vetTarget(
  rawUrl: string,
  allow: AllowList,
  resolve: Resolver = systemResolver,
): Promise<VettedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new TargetRefusedError('is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TargetRefusedError('must be an https URL (http only for hosts in WEBHOOK_ALLOWED_HOSTS)');
  if (url.username || url.password)
    throw new TargetRefusedError('must not carry credentials; the signature authenticates us');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const listedHost = allow.hasHost(host) || (isIP(host) !== 0 && allow.hasAddress(host));
  if (!listedHost && url.protocol !== 'https:')
    throw new TargetRefusedError('must be an https URL (http only for hosts in WEBHOOK_ALLOWED_HOSTS)');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new TargetRefusedError(
        `host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    if (addresses.length === 0) throw new TargetRefusedError(`host ${host} does not resolve`);
  }
  if (!listedHost) {
    for (const a of addresses) {
      const reason = allow.hasAddress(a.address) ? undefined : blockedReason(a.address);
      if (reason) {
        const what = `${/^[aeiou]/.test(reason) ? 'an' : 'a'} ${reason} address`;
        throw new TargetRefusedError(isIP(host) ? `${host} is ${what}` : `${host} resolves to ${a.address}, ${what}`);
      }
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
