import type { ApiPrincipal } from './scopes';

export interface VerifiedKeyCacheOptions {
  maxEntries?: number;
  /** A safety net only: changes are announced (KeyChangeListener), so an entry never needs to live long. */
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  principal: ApiPrincipal;
  expiresAt: number;
}

/**
 * The keys this process verified lately, by key hash (never the key itself). Bounded: the oldest entry goes first.
 * A lookup that started before an invalidation must not put back what it read, so `set` takes the generation read
 * when the lookup began and is ignored once anything was dropped since.
 */
export class VerifiedKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private currentGeneration = 0;
  /** Off while the change subscription is down: an announcement could be missed, so Postgres answers every request. */
  private enabled = false;

  constructor(options: VerifiedKeyCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get size(): number {
    return this.entries.size;
  }

  get(keyHash: string): ApiPrincipal | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(keyHash);
      return undefined;
    }
    return entry.principal;
  }

  set(keyHash: string, principal: ApiPrincipal, generationAtLookup: number): void {
    if (!this.enabled || generationAtLookup !== this.currentGeneration) return;
    this.entries.delete(keyHash);
    this.entries.set(keyHash, { principal, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  dropKey(keyId: string): void {
    this.dropWhere((p) => p.keyId === keyId);
  }

  dropWorkspace(workspaceId: string): void {
    this.dropWhere((p) => p.workspaceId === workspaceId);
  }

  /** Everything goes, and lookups in flight will not be kept. */
  clear(): void {
    this.currentGeneration += 1;
    this.entries.clear();
  }

  /** Cleared either way: on enabling, what was kept while announcements could not arrive may be stale. */
  setEnabled(enabled: boolean): void {
    this.clear();
    this.enabled = enabled;
  }

  private dropWhere(test: (principal: ApiPrincipal) => boolean): void {
    this.currentGeneration += 1;
    for (const [hash, entry] of this.entries) if (test(entry.principal)) this.entries.delete(hash);
  }
}
