import { serverFeatures } from './server-features.js';

describe('serverFeatures', () => {
  it('gates 2.10 features off on a 2.9 server', () => {
    expect(serverFeatures('2.9.10')).toMatchObject({
      termReason: false,
      multipleFilterSubjects: false,
      metadata: false,
    });
  });

  it('turns them on for current servers', () => {
    expect(serverFeatures('2.12.1')).toMatchObject({
      termReason: true,
      multipleFilterSubjects: true,
      metadata: true,
    });
  });

  it('needs 2.10.4 for term reasons', () => {
    expect(serverFeatures('2.10.3').termReason).toBe(false);
    expect(serverFeatures('v2.10.4').termReason).toBe(true);
  });
});

describe('clustered compare-and-set', () => {
  it('is serialized from 2.9.21 on', () => {
    expect(serverFeatures('2.9.10').serializedClusteredCas).toBe(false);
    expect(serverFeatures('2.9.21').serializedClusteredCas).toBe(true);
    expect(serverFeatures('2.12.1').serializedClusteredCas).toBe(true);
  });
});
