import { TaskError } from '@swarm/transport/errors';
import { RobotsCache, robotsEntryBytes } from './robots-cache.js';
import type { RobotsResponse, RobotsSource } from './robots-cache.js';

const UA = 'agent-swarm-scraper/0.1 (+https://github.com/agent-swarm)';

/** A robots source answering from a queue of responses (or errors), recording what was asked. */
function scriptedSource(...answers: (RobotsResponse | Error)[]): RobotsSource & { calls: string[] } {
  const calls: string[] = [];
  const source = (url: URL) => {
    calls.push(url.href);
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    return answer instanceof Error || answer === undefined
      ? Promise.reject(answer ?? new Error('no answer scripted'))
      : Promise.resolve(answer);
  };
  return Object.assign(source, { calls });
}

function cache(source: RobotsSource, clock = { now: 0 }) {
  return new RobotsCache({ source, userAgent: UA, ttlMs: 60_000, now: () => clock.now });
}

describe('RobotsCache', () => {
  it('applies the group for its product token over the * group', async () => {
    const body = [
      'User-agent: *',
      'Disallow: /',
      '',
      'User-agent: agent-swarm-scraper',
      'Disallow: /private',
      '',
    ];
    const robots = cache(scriptedSource({ status: 200, body: body.join('\n') }));
    await expect(robots.isAllowed('https://docs.example/guide')).resolves.toBe(true);
    await expect(robots.isAllowed('https://docs.example/private/keys')).resolves.toBe(false);
  });

  it('applies the * group when no group names the scraper', async () => {
    const robots = cache(
      scriptedSource({ status: 200, body: 'User-agent: *\nDisallow: /admin\nAllow: /admin/docs' }),
    );
    await expect(robots.isAllowed('https://docs.example/admin/users')).resolves.toBe(false);
    await expect(robots.isAllowed('https://docs.example/admin/docs/x')).resolves.toBe(true);
  });

  it('asks each origin once within the ttl and again after it', async () => {
    const source = scriptedSource({ status: 200, body: 'User-agent: *\nDisallow: /x' });
    const clock = { now: 0 };
    const robots = cache(source, clock);
    await robots.isAllowed('https://a.example/1');
    await robots.isAllowed('https://a.example/2');
    await robots.isAllowed('https://b.example:8443/1');
    expect(source.calls).toEqual(['https://a.example/robots.txt', 'https://b.example:8443/robots.txt']);
    clock.now = 60_001;
    await robots.isAllowed('https://a.example/3');
    expect(source.calls).toHaveLength(3);
  });

  it('shares one fetch between concurrent lookups of an origin', async () => {
    const source = scriptedSource({ status: 404, body: '' });
    const robots = cache(source);
    await Promise.all([1, 2, 3].map((n) => robots.isAllowed(`https://a.example/${n}`)));
    expect(source.calls).toHaveLength(1);
  });

  it.each([401, 403, 404, 410])('allows everything when robots.txt answers %i', async (status) => {
    await expect(
      cache(scriptedSource({ status, body: 'Disallow: /' })).isAllowed('https://a.example/x'),
    ).resolves.toBe(true);
  });

  it.each([429, 500, 503])(
    'reports a retryable robots-unreachable when robots.txt answers %i',
    async (status) => {
      const error = await cache(scriptedSource({ status, body: '' }))
        .isAllowed('https://a.example/x')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TaskError);
      expect(error).toMatchObject({ code: 'robots-unreachable', retryable: true });
      expect((error as Error).message).toContain(`https://a.example/robots.txt answered ${status}`);
    },
  );

  it('does not cache an unreachable robots.txt', async () => {
    const source = scriptedSource(
      { status: 503, body: '' },
      { status: 200, body: 'User-agent: *\nDisallow: /x' },
    );
    const robots = cache(source);
    await expect(robots.isAllowed('https://a.example/x')).rejects.toMatchObject({
      code: 'robots-unreachable',
    });
    await expect(robots.isAllowed('https://a.example/x')).resolves.toBe(false);
  });

  it('turns a retryable fetch failure into robots-unreachable, keeping the cause', async () => {
    const failure = TaskError.retryable('network', 'connection refused');
    const error = await cache(scriptedSource(failure))
      .isAllowed('https://a.example/x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'robots-unreachable', retryable: true, cause: failure });
  });

  it('passes a permanent fetch failure through', async () => {
    const refused = TaskError.permanent('ssrf-refused', 'refused');
    await expect(cache(scriptedSource(refused)).isAllowed('https://a.example/x')).rejects.toBe(refused);
  });

  it('treats too many redirects as no robots.txt', async () => {
    const source = scriptedSource(TaskError.permanent('too-many-redirects', 'loop'));
    await expect(cache(source).isAllowed('https://a.example/x')).resolves.toBe(true);
  });

  it('keeps using an expired copy while robots.txt is unreachable', async () => {
    const source = scriptedSource(
      { status: 200, body: 'User-agent: *\nDisallow: /x' },
      { status: 502, body: '' },
    );
    const clock = { now: 0 };
    const robots = cache(source, clock);
    await robots.isAllowed('https://a.example/x');
    clock.now = 120_000;
    await expect(robots.isAllowed('https://a.example/x')).resolves.toBe(false);
    await expect(robots.isAllowed('https://a.example/y')).resolves.toBe(true);
  });

  it('drops the least recently used origin past maxEntries', async () => {
    const source = scriptedSource({ status: 404, body: '' });
    const robots = new RobotsCache({ source, userAgent: UA, ttlMs: 60_000, maxEntries: 2 });
    await robots.isAllowed('https://a.example/');
    await robots.isAllowed('https://b.example/');
    await robots.isAllowed('https://a.example/');
    await robots.isAllowed('https://c.example/');
    await robots.isAllowed('https://a.example/');
    await robots.isAllowed('https://b.example/');
    expect(source.calls.map((url) => new URL(url).hostname)).toEqual([
      'a.example',
      'b.example',
      'c.example',
      'b.example',
    ]);
  });

  describe('bounded by bytes', () => {
    const body = `User-agent: *\nDisallow: /private/\n${'# padding\n'.repeat(300)}`;
    const oneFile = robotsEntryBytes('https://a.example', body);
    const boundedCache = (maxBytes: number) => {
      const source = scriptedSource({ status: 200, body });
      return { source, robots: new RobotsCache({ source, userAgent: UA, ttlMs: 60_000, maxBytes }) };
    };

    it('drops the least recently used files once their estimated bytes pass maxBytes', async () => {
      const { source, robots } = boundedCache(2 * oneFile + 100);
      for (const host of ['a', 'b', 'c']) await robots.isAllowed(`https://${host}.example/`);

      expect(robots.size.entries).toBe(2);
      expect(robots.size.bytes).toBeLessThanOrEqual(2 * oneFile + 100);
      await robots.isAllowed('https://a.example/');
      expect(source.calls.map((url) => new URL(url).hostname)).toEqual([
        'a.example',
        'b.example',
        'c.example',
        'a.example',
      ]);
    });

    it('uses a robots.txt larger than maxBytes once without keeping it', async () => {
      const { source, robots } = boundedCache(1_024);

      expect(await robots.isAllowed('https://a.example/private/x')).toBe(false);
      expect(robots.size).toEqual({ entries: 0, bytes: 0 });
      expect(await robots.isAllowed('https://a.example/open')).toBe(true);
      expect(source.calls).toHaveLength(2);
    });
  });

  it('estimates a cached file at three bytes per character plus its origin and overhead', () => {
    expect(robotsEntryBytes('https://a.example', 'x'.repeat(1_000))).toBe(256 + 2 * 17 + 3_000);
  });

  it("stops a caller's wait when its signal aborts", async () => {
    const robots = cache(() => new Promise<RobotsResponse>(() => undefined));
    const controller = new AbortController();
    const waiting = robots.isAllowed('https://a.example/x', controller.signal);
    controller.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
  });
});
