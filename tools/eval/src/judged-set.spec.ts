import { loadCorpus } from '@swarm/corpus';
import { EVAL_ERROR_CODES } from './errors.js';
import { GOAL_KINDS, parseJudgedSet, publicJudgedSet } from './judged-set.js';
import { thrownBy } from './testing/thrown-by.js';

const corpusNames = new Set(loadCorpus().map((p) => p.name));
const valid = {
  version: 1,
  corpus: 'libs/corpus/data/packages.json',
  judgedAt: '2026-12-06',
  goals: [
    { id: 'mcp-sdk', kind: 'topic', text: 'MCP SDK', topN: 5, judgments: { '@modelcontextprotocol/sdk': 3 } },
  ],
};

describe('the public judged set', () => {
  const set = publicJudgedSet();

  it('judges only packages the shipped corpus has', () => {
    expect(() => parseJudgedSet(set, corpusNames)).not.toThrow();
  });

  it('has at least 20 goals covering every kind of wording, two of them unanswerable', () => {
    expect(set.goals.length).toBeGreaterThanOrEqual(20);
    for (const kind of GOAL_KINDS) expect(set.goals.some((goal) => goal.kind === kind)).toBe(true);
    expect(set.goals.filter((goal) => goal.kind === 'unanswerable').length).toBeGreaterThanOrEqual(2);
  });

  it('gives every answerable goal at least one package graded 3', () => {
    const without = set.goals
      .filter((goal) => goal.kind !== 'unanswerable')
      .filter((goal) => !Object.values(goal.judgments).includes(3))
      .map((goal) => goal.id);
    expect(without).toEqual([]);
  });
});

describe('parseJudgedSet', () => {
  it('accepts a valid set', () => {
    expect(parseJudgedSet(valid, corpusNames).goals).toHaveLength(1);
  });

  it.each([
    ['a grade outside 1..3', { judgments: { '@modelcontextprotocol/sdk': 4 } }, /judgments/],
    [
      'a package the corpus lacks',
      { judgments: { 'left-pad': 3 } },
      /"left-pad", which the corpus does not have/,
    ],
    ['an answerable goal without judgments', { judgments: {} }, /has no judgments/],
    ['an unanswerable goal with judgments', { kind: 'unanswerable' }, /unanswerable goal "mcp-sdk" judges 1/],
  ])('rejects %s', (_name, change, message) => {
    const raw = { ...valid, goals: [{ ...valid.goals[0], ...change }] };
    const error = thrownBy(() => parseJudgedSet(raw, corpusNames));
    expect(error.code).toBe(EVAL_ERROR_CODES.invalidJudgedSet);
    expect(error.message).toMatch(message);
  });

  it('rejects a goal id used twice', () => {
    const raw = { ...valid, goals: [valid.goals[0], valid.goals[0]] };
    expect(() => parseJudgedSet(raw)).toThrow(/goal id "mcp-sdk" appears twice/);
  });
});
