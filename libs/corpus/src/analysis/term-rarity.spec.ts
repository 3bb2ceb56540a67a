import { inverseDocumentFrequency, termStats } from './term-rarity.js';

const pkg = (name: string, summary: string) => ({ name, summary, keywords: [] });

describe('termStats', () => {
  it('holds the analyzed terms of every field of each package, one set per package', () => {
    const stats = termStats([pkg('ws-server', 'A WebSocket server'), pkg('mcp-kit', 'Build MCP servers')]);
    expect(stats.documents).toHaveLength(2);
    expect([...stats.documents[0]!]).toEqual(expect.arrayContaining(['websocket', 'server']));
    expect(stats.documents[1]!.has('server')).toBe(true);
    expect(stats.documents[1]!.has('websocket')).toBe(false);
  });
});

describe('inverseDocumentFrequency', () => {
  it('weighs a word few documents say above one many say, and stays positive', () => {
    const rare = inverseDocumentFrequency(300, 2);
    const common = inverseDocumentFrequency(300, 50);
    expect(rare).toBeGreaterThan(2 * common);
    expect(inverseDocumentFrequency(300, 0)).toBeGreaterThan(rare);
    expect(inverseDocumentFrequency(300, 300)).toBeGreaterThan(0);
  });

  it('clamps a frequency outside 0..N', () => {
    expect(inverseDocumentFrequency(10, 20)).toBe(inverseDocumentFrequency(10, 10));
    expect(inverseDocumentFrequency(10, -1)).toBe(inverseDocumentFrequency(10, 0));
  });
});
