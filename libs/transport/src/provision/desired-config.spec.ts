import { parseTransportSettings } from '../settings.js';
import { configDifferences, desiredConsumer, desiredStream } from './desired-config.js';

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
      { name: 'S', subjects: ['a.>'], retention: 'workqueue', description: 'd', maxAgeMs: 1_000 },
      settings,
    );
    expect(stream).toMatchObject({
      storage: 'file',
      retention: 'workqueue',
      duplicate_window: 120_000_000_000,
      max_age: 1_000_000_000,
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
