import { casNote } from './cluster-quorum.scenario.js';

describe('casNote', () => {
  it('warns on servers that do not serialize clustered compare-and-set', () => {
    expect(casNote('2.9.10')[0]).toContain('nats-io/nats-server#4320');
    expect(casNote('2.9.20')).toHaveLength(1);
  });

  it('says nothing for fixed servers', () => {
    expect(casNote('2.9.21')).toEqual([]);
    expect(casNote('2.10.0')).toEqual([]);
    expect(casNote('2.12.1')).toEqual([]);
  });
});
