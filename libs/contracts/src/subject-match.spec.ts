import { goalIdInSubject, subjectMatches } from './subject-match.js';

describe('subjectMatches', () => {
  it('matches a literal subject only to itself', () => {
    expect(subjectMatches('swarm.task.scrape', 'swarm.task.scrape')).toBe(true);
    expect(subjectMatches('swarm.task.scrape', 'swarm.task.rank')).toBe(false);
    expect(subjectMatches('swarm.task', 'swarm.task.scrape')).toBe(false);
    expect(subjectMatches('swarm.task.scrape', 'swarm.task')).toBe(false);
  });

  it('lets * stand for exactly one token', () => {
    expect(subjectMatches('swarm.evt.*.goal.submitted', 'swarm.evt.g1.goal.submitted')).toBe(true);
    expect(subjectMatches('swarm.evt.*.goal.submitted', 'swarm.evt.g1.task.claimed')).toBe(false);
    expect(subjectMatches('swarm.evt.*', 'swarm.evt.g1.goal.submitted')).toBe(false);
    expect(subjectMatches('swarm.evt.*', 'swarm.evt')).toBe(false);
  });

  it('lets a trailing > stand for one or more tokens', () => {
    expect(subjectMatches('swarm.evt.>', 'swarm.evt.g1.goal.submitted')).toBe(true);
    expect(subjectMatches('swarm.evt.>', 'swarm.evt.g1')).toBe(true);
    expect(subjectMatches('swarm.evt.>', 'swarm.evt')).toBe(false);
    expect(subjectMatches('>', 'anything.at.all')).toBe(true);
  });

  it('tells whether a pattern covers every subject of a wildcard subject', () => {
    expect(subjectMatches('swarm.evt.>', 'swarm.evt.*.goal.submitted')).toBe(true);
    expect(subjectMatches('swarm.evt.>', 'swarm.evt.>')).toBe(true);
    expect(subjectMatches('swarm.evt.*.goal.submitted', 'swarm.evt.*.goal.submitted')).toBe(true);
    expect(subjectMatches('swarm.evt.g1.goal.submitted', 'swarm.evt.*.goal.submitted')).toBe(false);
    expect(subjectMatches('swarm.evt.*.>', 'swarm.evt.>')).toBe(false);
    expect(subjectMatches('swarm.evt.*', 'swarm.evt.>')).toBe(false);
  });

  it('matches nothing when the pattern or the subject is malformed', () => {
    expect(subjectMatches('swarm..evt', 'swarm..evt')).toBe(false);
    expect(subjectMatches('swarm.>.evt', 'swarm.x.evt')).toBe(false);
    expect(subjectMatches('>', '')).toBe(false);
    expect(subjectMatches('', '')).toBe(false);
  });
});

describe('goalIdInSubject', () => {
  it("reads the goal id at the filter's wildcard", () => {
    expect(goalIdInSubject('swarm.evt.*.goal.submitted', 'swarm.evt.g-1.goal.submitted')).toBe('g-1');
  });

  it('finds none on a subject without a goal token, or one off the pattern', () => {
    expect(goalIdInSubject('swarm.task.rank', 'swarm.task.rank')).toBeUndefined();
    expect(goalIdInSubject('swarm.evt.*.goal.submitted', 'swarm.evt.g1.goal.failed')).toBeUndefined();
    expect(goalIdInSubject('swarm.evt.>', 'swarm.evt.g1.goal.failed')).toBeUndefined();
    expect(goalIdInSubject('swarm.*.*.goal', 'swarm.evt.g1.goal')).toBeUndefined();
  });
});
