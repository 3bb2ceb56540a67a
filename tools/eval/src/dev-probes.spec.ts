import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '@swarm/corpus';
import { parseJudgedSet, publicJudgedSet } from './judged-set.js';

// The dev probes (tools/eval/dev/honesty-probes.json): goals outside the judged sets, run with
// `npm run eval -- --set tools/eval/dev/honesty-probes.json` to see that in-domain goals still return and
// off-domain goals end nothing-found.
const probes = parseJudgedSet(
  JSON.parse(readFileSync(path.join(__dirname, '..', 'dev', 'honesty-probes.json'), 'utf8')) as unknown,
  new Set(loadCorpus().map((p) => p.name)),
);

describe('the dev honesty probes', () => {
  it('hold at least 25 in-domain and 25 off-domain goals, judging only corpus packages', () => {
    expect(probes.goals.filter((goal) => goal.kind === 'unanswerable').length).toBeGreaterThanOrEqual(25);
    expect(probes.goals.filter((goal) => goal.kind !== 'unanswerable').length).toBeGreaterThanOrEqual(25);
  });

  it('share no goal text with the public judged set', () => {
    const published = new Set(publicJudgedSet().goals.map((goal) => goal.text.toLowerCase()));
    expect(probes.goals.filter((goal) => published.has(goal.text.toLowerCase()))).toEqual([]);
  });
});
