import { ranking, rankedEntry } from '../domain/testing/ranking.fixture.js';
import { writeReportInput } from './write-report-input.js';
import type { WriteReportOutput } from './write-report-output.js';
import { allowedNumbers, writeReportErrors } from './write-report-rules.js';

// jet: S1 (package page), S2 (docs page); nats: S3 (package page), S4 (docs page).
const input = writeReportInput(
  ranking([
    rankedEntry(1, 'jet', { candidate: { monthlyDownloads: 1_600_000 } }),
    rankedEntry(2, 'nats', { score: 0.79 }),
  ]),
  'top 5 NATS clients',
);

const valid: WriteReportOutput = {
  summary: 'jet ranks first of 10 candidates with 0.82 [S1]. nats follows with 0.79 [S3][S4].',
  tools: [
    { candidateId: 'jet', paragraph: 'jet has 1.6M downloads a month [S1]. It offers work queues [S2].' },
    { candidateId: 'nats', paragraph: 'nats is Apache-2.0 licensed [S3]. Its relevance is 0.95 [S4].' },
  ],
};

const withSummary = (summary: string) => writeReportErrors({ ...valid, summary }, input);
const withJet = (paragraph: string) =>
  writeReportErrors({ ...valid, tools: [{ candidateId: 'jet', paragraph }, valid.tools[1]!] }, input);

describe('writeReportErrors', () => {
  it('accepts a narrative whose every sentence cites its sources and writes only numbers from the data', () => {
    expect(writeReportErrors(valid, input)).toEqual([]);
  });

  it('refuses a sentence without a citation', () => {
    expect(withSummary('jet ranks first [S1]. It is the best choice.')).toEqual([
      'the summary: the sentence "It is the best choice." cites no source: end every sentence with [Sn] of a source that supports it',
    ]);
    expect(withJet('jet is a client.')).toEqual([
      'the paragraph of "jet": the sentence "jet is a client." cites no source: end every sentence with [Sn] of a source that supports it',
    ]);
  });

  it('refuses a citation of a source that does not exist', () => {
    expect(withSummary('jet ranks first [S9].')).toEqual([
      'the summary cites S9, which is not a given source (S1-S4)',
    ]);
  });

  it("refuses a tool paragraph citing another tool's source", () => {
    expect(withJet('jet is fast [S3].')).toEqual([
      'the paragraph of "jet" cites S3, a source of "nats": cite only its own sources (S1, S2)',
    ]);
  });

  it('refuses citations not written [Sn]', () => {
    expect(withSummary('jet ranks first [S1, S2].')).toEqual([
      'the summary writes the citation "[S1, S2]": write each as [Sn] in its own brackets, e.g. [S1][S2]',
      'the summary: the sentence "jet ranks first [S1, S2]." cites no source: end every sentence with [Sn] of a source that supports it',
    ]);
  });

  it('refuses a number that is not in the ranking data, in any format', () => {
    expect(withJet('jet has 42% more users [S1].')).toEqual([
      'the paragraph of "jet": the sentence "jet has 42% more users [S1]." writes 42%, which is not in the ranking data: write numbers only as the data gives them (scores like 0.86, downloads like 1.6M, ranks and counts)',
    ]);
    expect(withJet('jet scores 0.8200 [S1].')).toHaveLength(1);
    expect(withJet('jet has 1,600,000 downloads [S1].')).toHaveLength(1);
    expect(withJet('jet has 1.60M downloads [S1].')).toHaveLength(1);
  });

  it('accepts ranks, counts, the goal, dates and their years, and numbers in names', () => {
    expect(
      withJet('jet ranks #1 of the top 5 among 10 [S1]. It was published 2025-10-02, in 2025 [S1].'),
    ).toEqual([]);
    expect(withJet('jet, unlike gpt-4o, is at version 3.2.0 [S1].')).toEqual([]);
  });

  it('wants exactly one paragraph per ranked tool and no other', () => {
    const jet = valid.tools[0]!;
    expect(writeReportErrors({ ...valid, tools: [jet] }, input)).toEqual([
      'tools has no paragraph for "nats" (nats): write one per ranked tool',
    ]);
    expect(writeReportErrors({ ...valid, tools: [...valid.tools, jet] }, input)).toEqual([
      'tools has 2 paragraphs for "jet": write exactly one per ranked tool',
    ]);
    expect(
      writeReportErrors(
        { ...valid, tools: [...valid.tools, { candidateId: 'x', paragraph: 'x [S1].' }] },
        input,
      ),
    ).toEqual(['tools has a paragraph for "x", which is not a ranked tool: use only the given ids']);
  });

  it('refuses empty and overlong texts', () => {
    expect(withSummary('  ')).toEqual([
      'the summary is empty: write 2 to 4 sentences, each citing its sources',
    ]);
    expect(withJet(`${'jet is fast [S1]. '.repeat(80)}`)).toEqual([
      'the paragraph of "jet" is 1439 characters: keep it to 1200',
    ]);
  });
});

describe('allowedNumbers', () => {
  it('holds the formatted scores, downloads, ranks and counts of the data', () => {
    const allowed = allowedNumbers(input);
    for (const number of ['0.82', '0.79', '1.6M', '412K', '1', '2', '10', '5', '0.40', '2025-10-02', '2025'])
      expect(allowed).toContain(number);
    expect(allowed).not.toContain('0.8200');
    expect(allowed).not.toContain('1600000');
  });
});
