import { sampleGoalEvents, t } from '@swarm/goal-views/testing';
import { renderEventLine } from './event-line.js';

const events = sampleGoalEvents;

describe('renderEventLine', () => {
  it('says who claimed what, how long it waited, and when a retry comes', () => {
    expect(renderEventLine(events[1]!, t(0))).toBe(
      '   +1.00s  search@search-1 claimed g/search (delivery 1, waited 3ms)',
    );
    expect(renderEventLine(events[2]!, t(0))).toContain(
      'FAILED g/scrape/0 (delivery 1, timeout: slow); retry in 1.00s',
    );
    expect(renderEventLine(events[3]!, t(0))).toContain('completed g/scrape/0 in 1.50s, handed off 1');
  });
});
