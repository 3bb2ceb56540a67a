import { AgentPresence, presenceKeyOf } from './presence.js';

describe('presenceKeyOf', () => {
  it('keys a replica by its kind and instance', () => {
    expect(presenceKeyOf('scraper', 'host-a-1234')).toBe('scraper.host-a-1234');
  });

  it('keeps the key one token below the kind, whatever the instance id holds', () => {
    expect(presenceKeyOf('search', 'node.example.com-7 x*>')).toBe('search.node_example_com-7_x__');
  });
});

describe('AgentPresence', () => {
  it('refuses a record without an instance', () => {
    const now = new Date().toISOString();
    expect(
      AgentPresence.safeParse({ kind: 'search', instance: '', queues: [], startedAt: now, seenAt: now })
        .success,
    ).toBe(false);
  });
});
