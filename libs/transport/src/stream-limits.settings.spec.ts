import { STREAM_SPECS } from '@swarm/contracts';
import { parseTransportSettings, transportSettingsFromEnv } from './settings.js';
import { limitsForRole } from './stream-limits.settings.js';

describe('stream limit settings', () => {
  it('reads every limit and the high-water mark from its environment variable', () => {
    const settings = transportSettingsFromEnv({
      SWARM_EVENTS_MAX_BYTES: '4096',
      SWARM_EVENTS_MAX_MSGS: '10',
      SWARM_TASK_QUEUE_MAX_BYTES: '2048',
      SWARM_TASK_QUEUE_MAX_MSGS: '5',
      SWARM_DLQ_MAX_BYTES: '8192',
      SWARM_DLQ_MAX_MSGS: '7',
      SWARM_ADVISORIES_MAX_BYTES: '1024',
      SWARM_ADVISORIES_MAX_MSGS: '3',
      SWARM_STREAM_MAX_MSG_BYTES: '2048',
      SWARM_ADMISSION_HIGH_WATER: '0.5',
    });
    expect(limitsForRole('events', settings)).toEqual({ maxBytes: 4096, maxMessages: 10 });
    expect(limitsForRole('tasks', settings)).toEqual({ maxBytes: 2048, maxMessages: 5 });
    expect(limitsForRole('dead-letters', settings)).toEqual({ maxBytes: 8192, maxMessages: 7 });
    expect(limitsForRole('advisories', settings)).toEqual({ maxBytes: 1024, maxMessages: 3 });
    expect(settings).toMatchObject({ streamMaxMessageBytes: 2048, admissionHighWater: 0.5 });
  });

  it('refuses a limit that is no limit and a high-water mark outside (0, 1], naming the variable', () => {
    expect(() => transportSettingsFromEnv({ SWARM_EVENTS_MAX_BYTES: '-1' })).toThrow(
      /SWARM_EVENTS_MAX_BYTES/,
    );
    expect(() => transportSettingsFromEnv({ SWARM_TASK_QUEUE_MAX_MSGS: '0' })).toThrow(
      /SWARM_TASK_QUEUE_MAX_MSGS/,
    );
    expect(() => transportSettingsFromEnv({ SWARM_ADMISSION_HIGH_WATER: '0' })).toThrow(
      /SWARM_ADMISSION_HIGH_WATER/,
    );
    expect(() => transportSettingsFromEnv({ SWARM_ADMISSION_HIGH_WATER: '1.5' })).toThrow(
      /SWARM_ADMISSION_HIGH_WATER/,
    );
  });

  it('reserves few enough bytes that the streams fit the shipped 8G account quota at 3 replicas', () => {
    // The server reserves max_bytes x replicas of every stream against the account's `max_file` and refuses a
    // stream that does not fit (deploy/nats/access.json gives the swarm's account 8G).
    const settings = parseTransportSettings();
    const reserved = STREAM_SPECS.reduce((sum, spec) => sum + limitsForRole(spec.role, settings).maxBytes, 0);
    expect(reserved * 3).toBeLessThan(7 * 1_000_000_000);
    expect(settings.admissionHighWater).toBe(0.9);
  });
});
