import { GoalId } from './envelope.js';
import { DeliveryCapabilities, DEPLOYMENT_KEYS, sinksNotEnabled } from './deployment-record.js';

describe('DEPLOYMENT_KEYS', () => {
  it('names keys that no goal id can prefix', () => {
    for (const key of Object.values(DEPLOYMENT_KEYS)) {
      const firstToken = key.split('.')[0] ?? '';
      expect(GoalId.safeParse(firstToken).success).toBe(false);
    }
  });
});

describe('DeliveryCapabilities', () => {
  it('accepts a record of known sinks and refuses an unknown sink or none', () => {
    const record = { sinks: ['file', 'stdout'], updatedAt: '2026-12-06T08:40:00.000Z', instance: 'c-1' };
    expect(DeliveryCapabilities.parse(record)).toEqual(record);
    expect(DeliveryCapabilities.safeParse({ ...record, sinks: ['slack'] }).success).toBe(false);
    expect(DeliveryCapabilities.safeParse({ ...record, sinks: [] }).success).toBe(false);
  });
});

describe('sinksNotEnabled', () => {
  const deployment: Pick<DeliveryCapabilities, 'sinks'> = { sinks: ['stdout', 'file'] };

  it('admits a goal without deliverTo or naming only enabled sinks', () => {
    expect(sinksNotEnabled(undefined, deployment)).toEqual([]);
    expect(sinksNotEnabled(['file', 'stdout'], deployment)).toEqual([]);
  });

  it('names each sink the deployment does not enable once, in deliverTo order', () => {
    expect(sinksNotEnabled(['webhook', 'file', 'email', 'webhook'], deployment)).toEqual([
      'webhook',
      'email',
    ]);
  });
});
