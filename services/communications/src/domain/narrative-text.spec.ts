import {
  citationIds,
  citedSegments,
  malformedCitations,
  numbersIn,
  splitSentences,
} from './narrative-text.js';

describe('splitSentences', () => {
  it('ends a sentence at . ! or ? followed by a space or the end', () => {
    expect(splitSentences('It is fast [S1]. Is it small [S2]? Yes [S3]!')).toEqual([
      'It is fast [S1].',
      'Is it small [S2]?',
      'Yes [S3]!',
    ]);
  });

  it('keeps citations written after the period with their sentence', () => {
    expect(splitSentences('It is fast. [S1][S2] It is small.[S3] Done')).toEqual([
      'It is fast. [S1][S2]',
      'It is small.[S3]',
      'Done',
    ]);
  });

  it('does not split inside numbers, names or after abbreviations', () => {
    expect(
      splitSentences('Scores 0.86 on Node.js, e.g. for agents, vs. 0.84 [S1]. Next\n\n line [S2].'),
    ).toEqual(['Scores 0.86 on Node.js, e.g. for agents, vs. 0.84 [S1].', 'Next line [S2].']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n ')).toEqual([]);
  });
});

describe('citations', () => {
  it('lists the cited source ids in order, repeats included', () => {
    expect(citationIds('a [S1] b [S12][S1].')).toEqual(['S1', 'S12', 'S1']);
    expect(citationIds('no citation (see S1).')).toEqual([]);
  });

  it('finds citations not written [Sn]', () => {
    expect(malformedCitations('a [S1, S2] b [s3] c (S4) d [S5] e [see S6] f [1].')).toEqual([
      '[S1, S2]',
      '[s3]',
      '(S4)',
      '[see S6]',
    ]);
    expect(malformedCitations('fine [S1][S2] (and this aside).')).toEqual([]);
  });

  it('cuts text into plain pieces and citations', () => {
    expect(citedSegments('Fast [S1][S2], small [S3].')).toEqual([
      { text: 'Fast ' },
      { sourceId: 'S1' },
      { sourceId: 'S2' },
      { text: ', small ' },
      { sourceId: 'S3' },
      { text: '.' },
    ]);
  });
});

describe('numbersIn', () => {
  it('reads scores, counts with suffixes, percentages, dates and thousands', () => {
    expect(
      numbersIn('Ranked #1 of 10 with 0.86, 1.6M downloads (80%) since 2026-10-08, 1,600 stars [S12].'),
    ).toEqual(['1', '10', '0.86', '1.6M', '80%', '2026-10-08', '1600']);
  });

  it('leaves out numbers that are part of a name and citation numbers', () => {
    expect(numbersIn('gpt-4o and llama3 beat v2 and 1.6Million [S3].')).toEqual([]);
  });
});
