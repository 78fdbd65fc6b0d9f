import { aboutTheData, GroupCommit, type GroupMember } from '@sanctions/shared/lifecycle';

describe('GroupCommit', () => {
  it('writes the calls that arrive together as one group, and the calls during a write as the next', async () => {
    const groups: number[][] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number, string>(async (group: GroupMember<number, string>[]) => {
      groups.push(group.map((m) => m.item));
      if (groups.length === 1) await new Promise<void>((resolve) => (release = resolve));
      for (const m of group) m.resolve(`done ${m.item}`);
    }, 64);
    const first = [1, 2, 3].map((n) => commit.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    const second = [4, 5].map((n) => commit.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(groups).toEqual([[1, 2, 3]]);
    release();
    expect(await Promise.all([...first, ...second])).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5']);
    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('takes at most maxGroup calls in one write', async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit<number, number>(async (group) => {
      sizes.push(group.length);
      for (const m of group) m.resolve(m.item);
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => commit.submit(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('rejects every member of a write that throws, and goes on with the next group', async () => {
    let calls = 0;
    const commit = new GroupCommit<number, number>(async (group) => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      for (const m of group) m.resolve(m.item);
    }, 64);
    const failed = Promise.allSettled([1, 2].map((n) => commit.submit(n)));
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await commit.submit(3)).toBe(3);
  });

  it('runs the follow-up after the next group may start writing', async () => {
    const order: string[] = [];
    let writes = 0;
    const commit = new GroupCommit<number, number>(async (group) => {
      writes += 1;
      const n = writes;
      order.push(`write ${n}`);
      return async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`follow-up ${n}`);
        for (const m of group) m.resolve(m.item);
      };
    }, 64);
    const first = commit.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = commit.submit(2);
    await Promise.all([first, second]);
    expect(order.indexOf('write 2')).toBeLessThan(order.indexOf('follow-up 1'));
  });
});

describe('aboutTheData', () => {
  it('tells a data error from a lost connection or a restart', () => {
    expect(aboutTheData({ code: '23505' })).toBe(true);
    expect(aboutTheData({ code: '22P02' })).toBe(true);
    expect(aboutTheData({ code: '08006' })).toBe(false);
    expect(aboutTheData({ code: '57P01' })).toBe(false);
    expect(aboutTheData({ code: 'ECONNREFUSED' })).toBe(false);
    expect(aboutTheData(new Error('no code'))).toBe(false);
  });
});
