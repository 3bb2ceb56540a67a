import type { EventType } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import type { BusTopology } from '../src/index.js';
import { isolatedTopology, parseTransportSettings, SwarmClient } from '../src/index.js';

let nats: NatsServerHandle;
let client: SwarmClient;
let stream: string;
let topology: BusTopology;
const subject = (goalId: string, type: EventType) => topology.eventSubject(goalId, type);

beforeAll(async () => {
  nats = await startNats();
  ({ topology } = isolatedTopology(uniqueName('READ')));
  client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology, {
    provision: true,
  });
  stream = topology.eventsStream;
  const publish = (goalId: string, type: EventType, n: number) =>
    client.publishRaw(
      subject(goalId, type),
      new TextEncoder().encode(JSON.stringify({ goalId, n })),
      `${goalId}/${n}`,
      {
        'Swarm-Goal-Id': [goalId],
      },
    );
  await publish('a', 'goal.submitted', 1);
  await publish('b', 'goal.submitted', 2);
  await publish('a', 'task.claimed', 3);
  await publish('a', 'goal.submitted', 4);
  await publish('c', 'goal.submitted', 5);
  // `since` has millisecond resolution: keep the two claims in different milliseconds.
  await new Promise((resolve) => setTimeout(resolve, 10));
  await publish('b', 'task.claimed', 6);
});

afterAll(async () => {
  await client.close();
  await nats.stop();
});

describe('SwarmClient.readStream', () => {
  it('reads only the newest message of each subject with lastPerSubject, in stream order', async () => {
    const last = await client.readStream(stream, subject('*', 'goal.submitted'), { lastPerSubject: true });
    expect(last.map((m) => [m.subject, m.body])).toEqual([
      [subject('b', 'goal.submitted'), { goalId: 'b', n: 2 }],
      [subject('a', 'goal.submitted'), { goalId: 'a', n: 4 }],
      [subject('c', 'goal.submitted'), { goalId: 'c', n: 5 }],
    ]);
  });

  it('leaves the bodies on the server with headersOnly, keeping headers, subject, sequence and time', async () => {
    const heads = await client.readStream(stream, subject('*', 'goal.submitted'), {
      lastPerSubject: true,
      headersOnly: true,
    });
    expect(heads.map((m) => [m.body, m.headers['Swarm-Goal-Id'], m.streamSequence])).toEqual([
      ['', ['b'], 2],
      ['', ['a'], 4],
      ['', ['c'], 5],
    ]);
    expect(heads[0]?.time).toBeInstanceOf(Date);
  });

  it('reads only what was stored at or after since', async () => {
    const all = await client.readStream(stream, subject('*', 'task.claimed'));
    const second = all[1]!;
    const since = await client.readStream(stream, subject('*', 'task.claimed'), { since: second.time });
    expect(since.map((m) => m.streamSequence)).toEqual([second.streamSequence]);
    const later = new Date(second.time.getTime() + 60_000);
    expect(await client.readStream(stream, subject('*', 'task.claimed'), { since: later })).toEqual([]);
  });
});

describe('SwarmClient.readMessage', () => {
  it('gets the oldest message on a subject with first', async () => {
    const first = await client.readMessage(stream, { first: subject('a', 'goal.submitted') });
    expect(first).toMatchObject({
      streamSequence: 1,
      body: { goalId: 'a', n: 1 },
      headers: { 'Swarm-Goal-Id': ['a'] },
    });
  });

  it('gets the newest message matching a wildcard with last', async () => {
    const last = await client.readMessage(stream, { last: topology.goalEventsSubject('a') });
    expect(last).toMatchObject({ subject: subject('a', 'goal.submitted'), streamSequence: 4 });
    expect((await client.readMessage(stream, { last: topology.goalEventsSubject('b') }))?.body).toEqual({
      goalId: 'b',
      n: 6,
    });
  });

  it('gives undefined when nothing matches', async () => {
    expect(await client.readMessage(stream, { last: topology.goalEventsSubject('none') })).toBeUndefined();
    expect(await client.readMessage(stream, { first: subject('none', 'goal.submitted') })).toBeUndefined();
  });
});

describe('SwarmClient.followEvents', () => {
  /** The sequences `followEvents` yields for goal `a`, stopping after `count`. */
  async function follow(count: number, options?: { afterSequence?: number }): Promise<number[]> {
    const abort = new AbortController();
    const seen: number[] = [];
    for await (const message of client.followEvents(topology.goalEventsSubject('a'), abort.signal, options)) {
      seen.push(message.streamSequence);
      if (seen.length === count) abort.abort();
    }
    return seen;
  }

  it('starts with every stored event, or with the first one after afterSequence', async () => {
    expect(await follow(3)).toEqual([1, 3, 4]);
    expect(await follow(2, { afterSequence: 1 })).toEqual([3, 4]);
    expect(await follow(1, { afterSequence: 3 })).toEqual([4]);
  });
});
