import { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';
import { waitFor } from './wait-for.js';

describe('waitFor', () => {
  it('resolves with the first truthy value the probe returns', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls += 1;
        return calls >= 3 ? { ready: calls } : undefined;
      },
      { intervalMs: 1 },
    );
    expect(value).toEqual({ ready: 3 });
  });

  it('awaits asynchronous probes and keeps polling while they return false', async () => {
    let calls = 0;
    const value = await waitFor(
      async () => {
        calls += 1;
        await Promise.resolve();
        return calls === 2 && 'done';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('done');
  });

  it('treats a throwing probe as not ready yet', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('connection refused');
        return 42;
      },
      { intervalMs: 1 },
    );
    expect(value).toBe(42);
  });

  it('times out with the description in the message and a stable code', async () => {
    const waiting = waitFor(() => false, {
      timeoutMs: 60,
      intervalMs: 5,
      description: 'the stream to appear',
    });
    await expect(waiting).rejects.toThrow('timed out after 60ms waiting for the stream to appear');
    await expect(waiting).rejects.toMatchObject({ code: FIXTURE_ERROR_CODES.WaitTimeout });
  });

  it('keeps the last probe error as the cause of the timeout', async () => {
    const refused = new Error('connection refused');
    const error: unknown = await waitFor(
      () => {
        throw refused;
      },
      { timeoutMs: 30, intervalMs: 5 },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FixtureError);
    expect((error as FixtureError).cause).toBe(refused);
  });

  it('gives up on a probe that never settles once the deadline passes', async () => {
    const started = Date.now();
    await expect(waitFor(() => new Promise<never>(() => undefined), { timeoutMs: 50 })).rejects.toThrow(
      /waiting for condition/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('rejects a negative timeout as an invalid option', async () => {
    await expect(waitFor(() => true, { timeoutMs: -1 })).rejects.toMatchObject({
      code: FIXTURE_ERROR_CODES.InvalidOption,
    });
  });
});
