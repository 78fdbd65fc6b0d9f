import { SwappedBuild } from '@sanctions/shared/lifecycle';

/** A build the test finishes by hand. */
function controlledBuilds() {
  const pending: ((value: string) => void)[] = [];
  let started = 0;
  const build = () =>
    new Promise<string>((resolve) => {
      started++;
      pending.push(resolve);
    });
  return { build, pending, started: () => started };
}

describe('SwappedBuild', () => {
  it('concurrent callers share one build, and the value is swapped in only once it is complete', async () => {
    const builds = controlledBuilds();
    const cache = new SwappedBuild(builds.build);
    const a = cache.current();
    const b = cache.rebuild();
    expect(builds.started()).toBe(1);
    expect(cache.loaded).toBeUndefined();
    expect(cache.isBuilding).toBe(true);
    builds.pending[0]!('first');
    expect(await a).toBe('first');
    expect(await b).toBe('first');
    expect(cache.isBuilding).toBe(false);

    const next = cache.rebuild();
    expect(builds.started()).toBe(2);
    // A reader during the rebuild keeps the complete value.
    expect(await cache.current()).toBe('first');
    builds.pending[1]!('second');
    expect(await next).toBe('second');
    expect(cache.loaded).toBe('second');
  });

  it('a failed build keeps the last value and lets the next call build again', async () => {
    let fail = false;
    let n = 0;
    const cache = new SwappedBuild(async () => {
      if (fail) throw new Error('down');
      return ++n;
    });
    expect(await cache.current()).toBe(1);
    fail = true;
    await expect(cache.rebuild()).rejects.toThrow('down');
    expect(cache.loaded).toBe(1);
    expect(cache.isBuilding).toBe(false);
    fail = false;
    expect(await cache.rebuild()).toBe(2);
  });
});
