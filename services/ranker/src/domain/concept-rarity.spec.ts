import { termStats } from '@swarm/corpus';
import { clearsConceptFloor, fieldTerms, matchConcepts } from './concept-match.js';
import { weighByRarity } from './concept-rarity.js';
import { goalConcepts } from './goal-concepts.js';

// A small domain: many packages say "server", one says "websocket", none says "pdf".
const domain = termStats([
  ...Array.from({ length: 12 }, (_, i) => ({
    name: `mcp-server-${i}`,
    summary: 'An MCP server',
    keywords: [],
  })),
  { name: 'ws-bridge', summary: 'Bridges MCP over websocket', keywords: [] },
  { name: 'gpt-tokenizer', summary: 'A tokenizer for GPT models', keywords: ['gpt', 'tokenizer'] },
  { name: 'tiktoken', summary: 'Bindings for tiktoken', keywords: [] },
]);

describe('weighByRarity', () => {
  it('gives a rare word more of the floor weight than a common one, the words keeping their total', () => {
    const concepts = weighByRarity(goalConcepts('websocket server'), domain);
    const weight = (label: string) => concepts.find((concept) => concept.label === label)?.floorWeight ?? 0;
    expect(weight('websocket')).toBeGreaterThan(2 * weight('server'));
    expect(weight('websocket') + weight('server')).toBeCloseTo(2);
  });

  it('leaves the concepts as they are without statistics or with a single word', () => {
    expect(weighByRarity(goalConcepts('websocket server'), undefined)).toEqual(
      goalConcepts('websocket server'),
    );
    expect(weighByRarity(goalConcepts('websocket'), domain)).toEqual(goalConcepts('websocket'));
  });
});

describe('clearsConceptFloor', () => {
  it('refuses a candidate that meets only the common word of the goal', () => {
    const concepts = weighByRarity(goalConcepts('websocket server'), domain);
    const match = matchConcepts(concepts, fieldTerms({ name: 'mcp-server-1', summary: 'An MCP server' }));
    expect(match.share).toBe(0.5);
    expect(match.rarityShare).toBeLessThan(0.35);
    expect(clearsConceptFloor(match)).toBe(false);
  });

  it('keeps a candidate that meets one of two about equally rare words', () => {
    const concepts = weighByRarity(goalConcepts('GPT tokenizer'), domain);
    const match = matchConcepts(concepts, fieldTerms({ name: 'tiktoken', summary: 'Bindings for tiktoken' }));
    expect(match.met.map(({ concept }) => concept.label)).toEqual(['tokenizer']);
    expect(clearsConceptFloor(match)).toBe(true);
  });

  it('keeps a candidate that meets the rare word', () => {
    const concepts = weighByRarity(goalConcepts('websocket server'), domain);
    const match = matchConcepts(
      concepts,
      fieldTerms({ name: 'ws-bridge', summary: 'Bridges MCP over websocket' }),
    );
    expect(clearsConceptFloor(match)).toBe(true);
  });
});
