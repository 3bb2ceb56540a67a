import type { GradeRelevanceInput } from './grade-relevance-input.js';
import type { RelevanceGradeOutput } from './grade-relevance-output.js';
import { RelevanceGradesOutput } from './grade-relevance-output.js';
import { relevanceGradeErrors } from './grade-relevance-rules.js';

const input: GradeRelevanceInput = {
  goal: 'TypeScript clients for NATS JetStream work queues',
  candidates: [
    { id: 'nats', facts: { F1: 'name: nats', F2: 'registry summary: NATS client', F3: 'page features: kv' } },
    { id: 'express', facts: { F1: 'name: express', F2: 'registry summary: HTTP server' } },
  ],
};

const grade = (candidateId: string, extra: Partial<RelevanceGradeOutput> = {}): RelevanceGradeOutput => ({
  candidateId,
  grade: 2,
  rationale: 'Its summary says it is a client for the system the goal names.',
  cites: ['F2'],
  ...extra,
});

const errorsOf = (grades: RelevanceGradeOutput[]) => relevanceGradeErrors({ grades }, input);

describe('relevanceGradeErrors', () => {
  it('accepts one grade per candidate, each citing its own facts', () => {
    expect(errorsOf([grade('nats', { cites: ['F2', 'F3'] }), grade('express', { grade: 0 })])).toEqual([]);
  });

  it('names a candidate left ungraded', () => {
    expect(errorsOf([grade('nats')])).toEqual([
      'candidate "express" has no grade: grade every candidate exactly once',
    ]);
  });

  it('names a candidate graded twice', () => {
    expect(errorsOf([grade('nats'), grade('express'), grade('nats', { grade: 3 })])).toEqual([
      'candidate "nats" is graded 2 times: grade each candidate exactly once',
    ]);
  });

  it('names an id that is not in the input', () => {
    expect(errorsOf([grade('nats'), grade('express'), grade('fastify')])).toEqual([
      'candidate "fastify" is not in the input: grade only the given ids',
    ]);
  });

  it('refuses a grade that cites no fact', () => {
    expect(errorsOf([grade('nats', { cites: [] }), grade('express')])).toEqual([
      'the grade of "nats" cites no fact: cite at least one of its facts (F1-F3)',
    ]);
  });

  it("refuses a citation of a fact the candidate does not have, even another candidate's", () => {
    expect(errorsOf([grade('nats'), grade('express', { cites: ['F3'] })])).toEqual([
      'the grade of "express" cites F3, which is not one of its facts (F1-F2)',
    ]);
    expect(errorsOf([grade('nats', { cites: ['2'] }), grade('express')])).toEqual([
      'the grade of "nats" cites 2, which is not one of its facts (F1-F3)',
    ]);
  });

  it('refuses an empty rationale', () => {
    expect(errorsOf([grade('nats', { rationale: '   ' }), grade('express')])).toEqual([
      'the rationale of "nats" is empty: say in one sentence which facts decided the grade',
    ]);
  });

  it('refuses a rationale over 300 characters, saying how long it was', () => {
    expect(errorsOf([grade('nats', { rationale: 'x'.repeat(301) }), grade('express')])).toEqual([
      'the rationale of "nats" is 301 characters: keep it to 300',
    ]);
    expect(errorsOf([grade('nats', { rationale: 'x'.repeat(300) }), grade('express')])).toEqual([]);
  });

  it('refuses fact ids written inline in the rationale', () => {
    expect(errorsOf([grade('nats', { rationale: 'A NATS client [F2].' }), grade('express')])).toEqual([
      'the rationale of "nats" writes fact ids inline: list them in "cites" only',
    ]);
  });

  it('is backed by a schema that bounds grades to whole numbers 0..3', () => {
    const parse = (value: number) =>
      RelevanceGradesOutput.safeParse({ grades: [grade('nats', { grade: value })] }).success;
    expect([0, 1, 2, 3].map(parse)).toEqual([true, true, true, true]);
    expect([4, -1, 1.5].map(parse)).toEqual([false, false, false]);
  });
});
