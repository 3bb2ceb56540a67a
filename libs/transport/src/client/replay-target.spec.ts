import { swarmTopology } from '../topology.js';
import { replayHeaders, replayTargetOf } from './replay-target.js';

const topology = swarmTopology();
const source = (subject: string) => ({ stream: 'S', subject, streamSequence: 1, consumer: 'c' });

describe('replayTargetOf', () => {
  it("replays a rank task only onto the rank queue's subject", () => {
    expect(
      replayTargetOf(topology, 'swarm.dlq.rank', { queue: 'rank', source: source('swarm.task.rank') }),
    ).toEqual({
      ok: true,
      queue: 'rank',
      subject: 'swarm.task.rank',
    });
  });

  it('replays a goal submission onto its own goal subject', () => {
    expect(
      replayTargetOf(topology, 'swarm.dlq.search', {
        queue: 'search',
        source: source('swarm.evt.g1.goal.submitted'),
      }),
    ).toEqual({ ok: true, queue: 'search', subject: 'swarm.evt.g1.goal.submitted' });
  });

  it('refuses a record filed under rank that names an event subject', () => {
    const target = replayTargetOf(topology, 'swarm.dlq.rank', {
      queue: 'rank',
      source: source('swarm.evt.x.goal.completed'),
    });
    expect(target).toEqual({
      ok: false,
      queue: 'rank',
      reason:
        'filed under queue rank, whose tasks travel on swarm.task.rank, but the record names subject swarm.evt.x.goal.completed',
    });
  });

  it('refuses a record that claims another queue than it was filed under, or a wildcard subject', () => {
    expect(
      replayTargetOf(topology, 'swarm.dlq.scrape', { queue: 'rank', source: source('swarm.task.rank') }),
    ).toMatchObject({
      ok: false,
      reason: 'filed under queue scrape, but the record claims queue rank',
    });
    expect(
      replayTargetOf(topology, 'swarm.dlq.search', {
        queue: 'search',
        source: source('swarm.evt.*.goal.submitted'),
      }),
    ).toMatchObject({ ok: false });
  });

  it('refuses a record stored on no queue dead-letter subject', () => {
    expect(
      replayTargetOf(topology, 'swarm.dlq.bogus', { queue: 'bogus', source: source('swarm.task.rank') }),
    ).toEqual({
      ok: false,
      queue: undefined,
      reason: 'swarm.dlq.bogus is the dead-letter subject of no queue',
    });
  });
});

describe('replayHeaders', () => {
  it('drops every Nats-* header and keeps the rest', () => {
    expect(
      replayHeaders({
        'Nats-Msg-Id': ['a'],
        'Nats-Rollup': ['all'],
        'nats-expected-last-sequence': ['3'],
        'Swarm-Goal-Id': ['g1'],
        traceparent: ['00-abc'],
      }),
    ).toEqual({ 'Swarm-Goal-Id': ['g1'], traceparent: ['00-abc'] });
  });
});
