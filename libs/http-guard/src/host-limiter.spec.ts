import { HostLimiter } from './host-limiter.js';

/** Lets queued promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('HostLimiter', () => {
  it('grants at most `limit` slots per key and hands freed slots out first come first served', async () => {
    const limiter = new HostLimiter(2);
    const granted: string[] = [];
    const take = (name: string, key = 'a:80') =>
      limiter.acquire(key).then((release) => {
        granted.push(name);
        return release;
      });
    const first = take('1');
    const second = take('2');
    const third = take('3');
    const fourth = take('4');
    const other = take('other', 'b:80');
    await settle();
    expect(granted).toEqual(['1', '2', 'other']);
    expect(limiter.active('a:80')).toBe(2);

    (await second)();
    await settle();
    expect(granted).toEqual(['1', '2', 'other', '3']);
    expect(limiter.active('a:80')).toBe(2);

    (await first)();
    (await third)();
    (await fourth)();
    (await other)();
    expect(limiter.active('a:80')).toBe(0);
  });

  it('forgets a key once it has no holder and no waiter', async () => {
    const limiter = new HostLimiter(1);
    const release = await limiter.acquire('a:80');
    const waiting = limiter.acquire('a:80');
    expect(limiter.trackedKeys).toBe(1);
    release();
    (await waiting)();
    expect(limiter.trackedKeys).toBe(0);
  });

  it('ignores a second release of the same slot', async () => {
    const limiter = new HostLimiter(1);
    const release = await limiter.acquire('a:80');
    const waiting = limiter.acquire('a:80');
    release();
    release();
    const next = await waiting;
    expect(limiter.active('a:80')).toBe(1);
    next();
  });

  it('drops an aborted waiter from the line without leaking its slot', async () => {
    const limiter = new HostLimiter(1);
    const release = await limiter.acquire('a:80');
    const controller = new AbortController();
    const aborted = limiter.acquire('a:80', controller.signal);
    const later = limiter.acquire('a:80');
    controller.abort(new Error('task cancelled'));
    await expect(aborted).rejects.toThrow('task cancelled');
    release();
    const next = await later;
    expect(limiter.active('a:80')).toBe(1);
    next();
    expect(limiter.trackedKeys).toBe(0);
  });

  it('rejects at once on an already aborted signal and forgets a key whose only waiter aborted', async () => {
    const limiter = new HostLimiter(1);
    await expect(limiter.acquire('a:80', AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    const release = await limiter.acquire('b:80');
    const controller = new AbortController();
    const waiting = limiter.acquire('b:80', controller.signal);
    release();
    controller.abort();
    (await waiting)();
    expect(limiter.trackedKeys).toBe(0);
  });

  it('releases the slot when a task run under it fails', async () => {
    const limiter = new HostLimiter(1);
    await expect(limiter.run('a:80', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.trackedKeys).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new HostLimiter(0)).toThrow(RangeError);
  });
});
