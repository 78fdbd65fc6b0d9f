import type { Pool } from 'pg';
import { activeListVersions, listVersionKey, loadIndexableEntities, type ActiveListVersion } from '../lists';
import { loadSharedDesignations, type SharedDesignations } from '../designations';
import { buildMatchIndex, type MatchIndex } from '../matching';
import { SwappedBuild } from '../lifecycle';
import type { Logger } from '../logging';

export interface LoadedIndex {
  index: MatchIndex;
  /** The records that share a designation with another record: a screening shows them as one match. */
  designations: SharedDesignations;
  versions: ActiveListVersion[];
  /** e.g. "ofac-sdn@3+seed@1" */
  key: string;
  builtAt: Date;
  buildMs: number;
}

export class NoListLoadedError extends Error {
  constructor() {
    super('No designated-entity list is loaded yet; screening waits rather than answer no-hit against nothing');
  }
}

/**
 * The worker's in-memory match index for the active list versions. Rebuilt in the background
 * when told a version changed (or when a periodic check finds it did) and swapped in whole:
 * a screening in flight keeps the index object it started with.
 */
export class MatchIndexCache {
  private readonly swapped = new SwappedBuild(() => this.build());

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {}

  /** The current index, building it on first use. Throws NoListLoadedError while no list is loaded. */
  async current(): Promise<LoadedIndex> {
    const loaded = await this.swapped.current();
    if (loaded.versions.length === 0) {
      // A list may have landed since: check before refusing.
      const fresh = await this.refreshIfStale();
      if (fresh.versions.length === 0) throw new NoListLoadedError();
      return fresh;
    }
    return loaded;
  }

  /** Rebuilds only when the active versions in Postgres differ from the loaded ones. */
  async refreshIfStale(): Promise<LoadedIndex> {
    const key = listVersionKey(await activeListVersions(this.pool));
    const loaded = this.swapped.loaded;
    if (loaded && loaded.key === key) return loaded;
    return this.rebuild();
  }

  /** One build at a time; concurrent callers share it. */
  rebuild(): Promise<LoadedIndex> {
    return this.swapped.rebuild();
  }

  private async build(): Promise<LoadedIndex> {
    const started = Date.now();
    const { versions, entities } = await loadIndexableEntities(this.pool);
    // The index being replaced lends the tokens of the names both versions hold.
    const index = buildMatchIndex(entities, this.swapped.loaded?.index);
    // Read after the entities, outside their snapshot: a version switched in between only leaves a record shown apart
    // from its designation until the rebuild that the new version triggers anyway.
    const designations = await loadSharedDesignations(this.pool);
    const loaded: LoadedIndex = {
      index,
      designations,
      versions,
      key: listVersionKey(versions),
      builtAt: new Date(),
      buildMs: Date.now() - started,
    };
    this.logger.info('match index ready', {
      lists: loaded.key,
      entities: index.entityCount,
      names: index.nameCount,
      buildMs: loaded.buildMs,
    });
    return loaded;
  }
}
