import { isolatedTopology } from '@swarm/transport';
import { jetstreamNames } from './jetstream-names.js';
import { STAGES } from './stages.js';

describe('jetstreamNames', () => {
  it('names streams, subjects and consumers as the swarm isolated topology does', () => {
    const prefix = 'bench_raw_1';
    const { topology, queues } = isolatedTopology(prefix, STAGES);
    for (const stage of STAGES) {
      expect(jetstreamNames.stream(prefix, stage)).toBe(queues[stage]!.stream);
      expect(jetstreamNames.subject(prefix, stage)).toBe(queues[stage]!.filterSubject);
      expect(jetstreamNames.durable(stage)).toBe(queues[stage]!.durable);
    }
    expect(jetstreamNames.eventsStream(prefix)).toBe(topology.eventsStream);
    expect(jetstreamNames.completedSubject(prefix, 'g-1')).toBe(
      topology.eventSubject('g-1', 'goal.completed'),
    );
  });

  it('reads the goal id back from a completion subject', () => {
    expect(jetstreamNames.goalOfCompletion(jetstreamNames.completedSubject('p', 'g-t-12'))).toBe('g-t-12');
  });
});
