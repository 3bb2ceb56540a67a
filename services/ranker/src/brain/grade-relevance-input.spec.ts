import { inputOfMessage } from '@swarm/models';
import { candidate, failed, scraped } from '../domain/testing/rank-input.fixture.js';
import { candidateFacts, FACT_LIMITS, gradeRelevanceInputs } from './grade-relevance-input.js';
import { GRADE_RELEVANCE_PROMPT, GRADE_RELEVANCE_VERSION } from './prompts/grade-relevance.prompt.js';

const nats = candidate('nats', { summary: 'NATS client', keywords: ['nats', 'jetstream'] });

describe('candidateFacts', () => {
  it('numbers the registry and page facts from F1, leaving out empty ones', () => {
    const outcome = scraped(nats, {
      description: 'Client for NATS',
      text: 'Connect, publish and consume.',
      features: ['work queues', 'key-value'],
      claims: [{ claim: 'Supports JetStream', quote: 'consume' }],
    });
    expect(candidateFacts(nats, outcome)).toEqual({
      id: 'nats',
      facts: {
        F1: 'name: nats',
        F2: 'registry summary: NATS client',
        F3: 'registry keywords: nats; jetstream',
        F4: 'page title: nats',
        F5: 'page description: Client for NATS',
        F6: 'page features: work queues; key-value',
        F7: 'page claim: Supports JetStream',
        F8: 'page text: Connect, publish and consume.',
      },
    });
  });

  it('says when the page was not scraped', () => {
    const facts = candidateFacts(candidate('x', { summary: '' }), failed(nats, 'HTTP 404')).facts;
    expect(facts).toEqual({ F1: 'name: x', F2: 'page: not scraped, only the registry metadata is known' });
  });

  it('cuts long facts and lists at the documented limits', () => {
    const outcome = scraped(nats, {
      text: 'word '.repeat(1_000),
      features: Array.from({ length: 40 }, (_, i) => `feature ${i}`),
      claims: Array.from({ length: 20 }, (_, i) => ({ claim: `claim ${i}`, quote: 'q' })),
    });
    const facts = Object.values(candidateFacts(nats, outcome).facts);
    const text = facts.find((fact) => fact.startsWith('page text:'))!;
    expect(text.length).toBe(FACT_LIMITS.pageTextChars);
    expect(text.endsWith('…')).toBe(true);
    expect(facts.filter((fact) => fact.startsWith('page claim:'))).toHaveLength(FACT_LIMITS.claims);
    const features = facts.find((fact) => fact.startsWith('page features:'))!;
    expect(features).toContain('feature 9');
    expect(features).toContain('feature 14');
    expect(features).not.toContain('feature 15');
    expect(features.length).toBeLessThanOrEqual(FACT_LIMITS.factChars);
  });
});

describe('gradeRelevanceInputs', () => {
  it('keeps candidate order and splits into batches of the given size', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => candidate(id));
    const batches = gradeRelevanceInputs('goal', many, {}, 2);
    expect(batches.map((batch) => batch.candidates.map((c) => c.id))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
    expect(batches.every((batch) => batch.goal === 'goal')).toBe(true);
  });

  it('renders a prompt whose JSON input a scripted server can read back', () => {
    const [batch] = gradeRelevanceInputs('goal', [nats], {});
    const message = GRADE_RELEVANCE_PROMPT.render(batch!);
    expect(inputOfMessage(message)).toEqual(batch);
    expect(GRADE_RELEVANCE_PROMPT.system).toContain(GRADE_RELEVANCE_VERSION);
  });
});
