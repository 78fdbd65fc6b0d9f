import type { Pool } from 'pg';
import { SwappedBuild } from '../lifecycle';
import type { Logger } from '../logging';
import { CustomerIndex } from './customer-index';

/** Past this many changed customers in the overlay, the base index is rebuilt (in the background) and swapped in. */
const OVERLAY_REBUILD_AT = 50_000;

/**
 * The worker's customer index: built once, kept current from the change feed before each run and on a timer, and
 * rebuilt whole (then swapped in atomically) when the changes since the build grow large.
 */
export class CustomerIndexCache {
  private readonly swapped = new SwappedBuild(() => this.build());

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {}

  /** The index, current with every customer change committed before the call. */
  async current(): Promise<CustomerIndex> {
    const index = await this.swapped.current();
    await index.catchUp(this.pool);
    if (index.overlaySize > OVERLAY_REBUILD_AT && !this.swapped.isBuilding)
      void this.rebuild().catch((error: unknown) => this.logger.warn('customer index rebuild failed', { error }));
    return index;
  }

  /** One build at a time; the new index replaces the old one only once it is complete. */
  rebuild(): Promise<CustomerIndex> {
    return this.swapped.rebuild();
  }

  private async build(): Promise<CustomerIndex> {
    const started = Date.now();
    const index = await CustomerIndex.load(this.pool);
    const built = Date.now();
    const warmUpNames = index.warmUp();
    this.logger.info('customer index ready', {
      buildMs: built - started,
      warmUpMs: Date.now() - built,
      warmUpNames,
      bytes: index.memoryBytes(),
    });
    return index;
  }
}
