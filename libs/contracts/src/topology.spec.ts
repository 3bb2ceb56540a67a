import { MESSAGE_CATALOG } from './catalog.js';
import { subjectMatches } from './subject-match.js';
import { EVENT_TYPES, QUEUES, STREAM_SPECS, STREAMS, SUBJECTS } from './topology.js';

describe('SUBJECTS', () => {
  it('puts one event of a goal on swarm.evt.<goalId>.<type>', () => {
    expect(SUBJECTS.event('g1', 'goal.submitted')).toBe('swarm.evt.g1.goal.submitted');
    expect(SUBJECTS.event('g-7f3a91c2', 'approval.rejected')).toBe('swarm.evt.g-7f3a91c2.approval.rejected');
  });

  it('covers every event of one goal, and only that goal, with swarm.evt.<goalId>.>', () => {
    const pattern = SUBJECTS.goalEvents('g1');
    expect(pattern).toBe('swarm.evt.g1.>');
    for (const type of EVENT_TYPES) expect(subjectMatches(pattern, SUBJECTS.event('g1', type))).toBe(true);
    expect(subjectMatches(pattern, SUBJECTS.event('g2', 'goal.submitted'))).toBe(false);
  });

  it('lets the search filter see goal submissions of every goal and no other event', () => {
    expect(subjectMatches(SUBJECTS.allGoalSubmissions, SUBJECTS.event('g1', 'goal.submitted'))).toBe(true);
    for (const type of EVENT_TYPES.filter((t) => t !== 'goal.submitted')) {
      expect(subjectMatches(SUBJECTS.allGoalSubmissions, SUBJECTS.event('g1', type))).toBe(false);
    }
  });

  it('puts the dead-letter records of a queue on swarm.dlq.<queue>', () => {
    expect(SUBJECTS.deadLetter('scrape')).toBe('swarm.dlq.scrape');
    expect(subjectMatches(SUBJECTS.allDeadLetters, SUBJECTS.deadLetter('scrape'))).toBe(true);
  });

  it('captures the max-deliveries advisory of every queue consumer in the advisories stream', () => {
    const advisories = STREAM_SPECS.find((s) => s.name === STREAMS.advisories)!;
    expect(SUBJECTS.maxDeliveriesAdvisory(STREAMS.scrape, QUEUES.scrape.durable)).toBe(
      '$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.TASKS_SCRAPE.scraper',
    );
    for (const queue of Object.values(QUEUES)) {
      const advisory = SUBJECTS.maxDeliveriesAdvisory(queue.stream, queue.durable);
      expect(advisories.subjects.some((pattern) => subjectMatches(pattern, advisory))).toBe(true);
    }
  });
});

describe('STREAM_SPECS', () => {
  it('declares every stream in STREAMS exactly once', () => {
    expect(STREAM_SPECS.map((s) => s.name).sort()).toEqual(Object.values(STREAMS).sort());
  });

  it('gives no two streams overlapping subjects (the server would refuse the second)', () => {
    for (const a of STREAM_SPECS) {
      for (const b of STREAM_SPECS.filter((s) => s !== a)) {
        for (const subject of b.subjects) {
          expect({ stream: a.name, covers: a.subjects.some((p) => subjectMatches(p, subject)) }).toEqual({
            stream: a.name,
            covers: false,
          });
        }
      }
    }
  });
});

describe('stream discard policies', () => {
  it('refuse rather than drop in every stream that holds work or evidence; only advisories drop their oldest', () => {
    const policies = Object.fromEntries(STREAM_SPECS.map((s) => [s.name, `${s.role}:${s.discard}`]));
    expect(policies).toEqual({
      [STREAMS.events]: 'events:new',
      [STREAMS.scrape]: 'tasks:new',
      [STREAMS.rank]: 'tasks:new',
      [STREAMS.report]: 'tasks:new',
      [STREAMS.deadLetter]: 'dead-letters:new',
      [STREAMS.advisories]: 'advisories:old',
    });
  });

  it('gives every work-queue stream the tasks role, which the door checks', () => {
    for (const spec of STREAM_SPECS) expect(spec.retention === 'workqueue').toBe(spec.role === 'tasks');
  });
});

describe('QUEUES', () => {
  it.each(Object.values(QUEUES))(
    'reads queue $name from a declared stream whose subjects cover its filter',
    (queue) => {
      const stream = STREAM_SPECS.find((s) => s.name === queue.stream);
      expect(stream).toBeDefined();
      expect(stream!.subjects.some((pattern) => subjectMatches(pattern, queue.filterSubject))).toBe(true);
    },
  );

  it('gives every queue its own durable consumer', () => {
    const durables = Object.values(QUEUES).map((q) => `${q.stream}/${q.durable}`);
    expect(new Set(durables).size).toBe(durables.length);
  });

  it('has a catalog message on every queue filter, so each queue has something to work on', () => {
    for (const queue of Object.values(QUEUES)) {
      const carried = MESSAGE_CATALOG.filter(
        (entry) =>
          entry.stream === queue.stream &&
          subjectMatches(queue.filterSubject, entry.address.replaceAll(/\{[^}]+\}/g, '*')),
      );
      expect({ queue: queue.name, types: carried.map((e) => e.type) }).toEqual({
        queue: queue.name,
        types: [expect.any(String)],
      });
    }
  });
});
