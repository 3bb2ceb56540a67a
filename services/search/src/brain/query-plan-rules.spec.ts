import { LIMITS } from '@swarm/contracts';
import type { QueryPlan } from './query-plan-output.js';
import { validateQueryPlan } from './query-plan-rules.js';

const plan = (overrides: Partial<QueryPlan> = {}): QueryPlan => ({
  topic: 'agent frameworks',
  count: 5,
  must: ['agent'],
  should: ['framework'],
  capabilityTags: ['tool-calling'],
  exclude: ['python'],
  ...overrides,
});
const called = { sourceCalls: 1, toolNames: ['search_corpus', 'search_feed_1'] };

describe('validateQueryPlan', () => {
  it('accepts a plan with terms, a count in bounds and a source called', () => {
    expect(validateQueryPlan(plan(), called)).toEqual([]);
  });

  it('accepts should terms alone and the count bounds themselves', () => {
    expect(validateQueryPlan(plan({ must: [], should: ['rag'], count: 1 }), called)).toEqual([]);
    expect(validateQueryPlan(plan({ count: LIMITS.topNMax }), called)).toEqual([]);
  });

  it('refuses a plan without must or should terms', () => {
    expect(validateQueryPlan(plan({ must: [], should: [] }), called)).toEqual([
      'the plan has no search terms: give at least one "must" or "should" term',
    ]);
    expect(validateQueryPlan(plan({ must: ['  '], should: [] }), called)).toContain(
      'the plan has no search terms: give at least one "must" or "should" term',
    );
  });

  it('names a blank term by its list and position', () => {
    expect(validateQueryPlan(plan({ should: ['framework', ' '] }), called)).toEqual([
      'should[1] is blank: drop it or give a term',
    ]);
  });

  it('refuses a term both in must and exclude, whatever its case and spacing', () => {
    expect(validateQueryPlan(plan({ must: ['LangChain '], exclude: ['langchain'] }), called)).toEqual([
      'term "langchain" is both in must and exclude: remove it from one of them',
    ]);
  });

  it('lets a should term be excluded (only must and exclude conflict)', () => {
    expect(validateQueryPlan(plan({ should: ['python'], exclude: ['python'] }), called)).toEqual([]);
  });

  it.each([0, -1, LIMITS.topNMax + 1, 2.5])('refuses count %p', (count) => {
    expect(validateQueryPlan(plan({ count }), called)).toEqual([
      `count ${count} is out of bounds: use a whole number from 1 to ${LIMITS.topNMax}`,
    ]);
  });

  it('asks for a source tool call when the model called none, naming the tools', () => {
    expect(validateQueryPlan(plan(), { ...called, sourceCalls: 0 })).toEqual([
      'you called no source tool: call at least one of search_corpus, search_feed_1 with your terms before answering',
    ]);
  });

  it('reports every problem at once', () => {
    expect(
      validateQueryPlan(plan({ must: [], should: [], count: 99 }), { ...called, sourceCalls: 0 }),
    ).toHaveLength(3);
  });
});
