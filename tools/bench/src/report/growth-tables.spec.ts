import { sampleGrowth } from '../testing/sample-results.js';
import { fanOutTable, growthSection, replicasTable } from './growth-tables.js';

describe('fanOutTable', () => {
  it('has one row per system and fan-out, the headline against the smallest fan-out', () => {
    const lines = fanOutTable(sampleGrowth()).split('\n');
    expect(lines).toHaveLength(2 + 6);
    expect(lines[2]).toBe(
      '| (a) raw JetStream | 1 | 1600.0 | **800.0** (1.00x) | 6400 | 833.3 | 1.20 | 3.00 | 6.00 |',
    );
    expect(lines.find((l) => l.startsWith('| (b) swarm, tracing on | 50 |'))).toContain(
      '| **12.5** (0.04x) | 1325 |',
    );
  });
});

describe('replicasTable', () => {
  it('counts the stage processes and compares each replica count with one', () => {
    const lines = replicasTable(sampleGrowth()).split('\n');
    expect(lines.find((l) => l.startsWith('| (a) raw JetStream | 8 |'))).toContain(
      '| 8 | 32 | 1500.0 | **750.0** (0.75x) |',
    );
  });
});

describe('growthSection', () => {
  it('defines the headline before the tables, and is empty without growth runs', () => {
    const section = growthSection(sampleGrowth());
    expect(section).toMatch(
      /^How cost grows \(raw JetStream, swarm, tracing on\)\. Headline: \*\*goals\/s per core\*\*/,
    );
    expect(section).toContain("divided by the machine's 2 cores");
    expect(growthSection(undefined)).toBe('');
    expect(growthSection([])).toBe('');
  });
});
