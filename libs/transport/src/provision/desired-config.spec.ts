import { parseTransportSettings } from '../settings.js';
import { configDifferences, desiredConsumer, desiredStream, streamDifferences } from './desired-config.js';

const settings = parseTransportSettings({ ackWaitMs: 30_000, maxDeliver: 5, duplicateWindowMs: 120_000 });
const queue = {
  name: 'scrape',
  agent: 'scraper',
  stream: 'TASKS_SCRAPE',
  filterSubject: 'swarm.task.scrape',
  durable: 'scraper',
};

describe('desired config', () => {
  it('turns a contract stream into a file-backed JetStream config with durations in nanoseconds', () => {
    const stream = desiredStream(
      {
        name: 'S',
        subjects: ['a.>'],
        retention: 'workqueue',
        description: 'd',
        maxAgeMs: 1_000,
        role: 'tasks',
        discard: 'new',
      },
      settings,
    );
    expect(stream).toMatchObject({
      storage: 'file',
      retention: 'workqueue',
      duplicate_window: 120_000_000_000,
      max_age: 1_000_000_000,
    });
  });

  it('sizes a stream by its role and keeps its contract discard policy', () => {
    const limited = parseTransportSettings({
      eventsMaxBytes: 4_096,
      eventsMaxMessages: 10,
      taskQueueMaxBytes: 2_048,
      taskQueueMaxMessages: 5,
      advisoriesMaxBytes: 1_024,
      advisoriesMaxMessages: 3,
      streamMaxMessageBytes: 1_500,
    });
    const spec = { subjects: ['a'], retention: 'limits', description: 'd', maxAgeMs: 0 } as const;
    expect(desiredStream({ ...spec, name: 'E', role: 'events', discard: 'new' }, limited)).toMatchObject({
      max_bytes: 4_096,
      max_msgs: 10,
      max_msg_size: 1_500,
      discard: 'new',
    });
    expect(desiredStream({ ...spec, name: 'T', role: 'tasks', discard: 'new' }, limited)).toMatchObject({
      max_bytes: 2_048,
      max_msgs: 5,
    });
    expect(desiredStream({ ...spec, name: 'A', role: 'advisories', discard: 'old' }, limited)).toMatchObject({
      max_bytes: 1_024,
      max_msgs: 3,
      discard: 'old',
    });
  });

  it('gives a queue one explicit-ack durable with the settings limits', () => {
    expect(desiredConsumer(queue, settings)).toMatchObject({
      durable_name: 'scraper',
      filter_subject: 'swarm.task.scrape',
      ack_policy: 'explicit',
      ack_wait: 30_000_000_000,
      max_deliver: 5,
    });
  });
});

describe('configDifferences', () => {
  it('finds nothing when the existing config matches, whatever the subject order or extra server fields', () => {
    const desired = { subjects: ['a', 'b'], retention: 'limits', description: 'ignored' };
    expect(
      configDifferences(
        { subjects: ['b', 'a'], retention: 'limits', sealed: false, description: 'x' },
        desired,
      ),
    ).toEqual([]);
  });

  it('names each conflicting field with what it has and what it wants', () => {
    const differences = configDifferences({ max_deliver: 3, ack_wait: 1 }, { max_deliver: 5, ack_wait: 1 });
    expect(differences).toEqual(['max_deliver: has 3, wants 5']);
  });
});

describe('streamDifferences', () => {
  const desired = desiredStream(
    {
      name: 'E',
      subjects: ['e.>'],
      retention: 'limits',
      description: 'd',
      maxAgeMs: 0,
      role: 'events',
      discard: 'new',
    },
    settings,
  );

  it('reports the limits of an older, unlimited stream as drift, not as a conflict', () => {
    const older = { ...desired, max_bytes: -1, max_msgs: -1, max_msg_size: -1, discard: 'old' };
    const { conflicts, drift } = streamDifferences(older, desired);
    expect(conflicts).toEqual([]);
    expect(drift).toEqual([
      `max_bytes: has -1, wants ${settings.eventsMaxBytes}`,
      `max_msgs: has -1, wants ${settings.eventsMaxMessages}`,
      `max_msg_size: has -1, wants ${settings.streamMaxMessageBytes}`,
      'discard: has "old", wants "new"',
    ]);
  });

  it('keeps any other difference a conflict', () => {
    const { conflicts, drift } = streamDifferences({ ...desired, retention: 'workqueue' }, desired);
    expect(conflicts).toEqual(['retention: has "workqueue", wants "limits"']);
    expect(drift).toEqual([]);
  });
});
