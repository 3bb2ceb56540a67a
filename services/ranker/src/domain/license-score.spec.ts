import { scoreLicense } from './license-score.js';

describe('scoreLicense', () => {
  it.each([
    ['MIT', 1],
    ['Apache-2.0', 1],
    ['BSD-3-Clause', 1],
    ['ISC', 1],
    ['0BSD', 1],
    ['Unlicense', 1],
    ['MPL-2.0', 0.6],
    ['LGPL-3.0-or-later', 0.6],
    ['EPL-2.0', 0.6],
    ['GPL-3.0-only', 0.3],
    ['GPL-2.0+', 0.3],
    ['AGPL-3.0', 0.3],
    ['UNLICENSED', 0.1],
    ['SEE LICENSE IN LICENSE.md', 0.1],
    ['Proprietary', 0.1],
    ['', 0.1],
    [undefined, 0.1],
  ])('scores %p as %p', (license, score) => {
    expect(scoreLicense(license).score).toBe(score);
  });

  it('lets the best option of an OR expression win', () => {
    const result = scoreLicense('(GPL-3.0 OR MIT)');
    expect(result.score).toBe(1);
    expect(result.rationale).toBe('(GPL-3.0 OR MIT): the best option, MIT, is permissive.');
  });

  it('scores an AND expression by its most restrictive part', () => {
    expect(scoreLicense('MIT AND LGPL-2.1-only').score).toBe(0.6);
  });

  it('reads nested expressions and exceptions', () => {
    expect(
      scoreLicense('(GPL-2.0-only WITH Classpath-exception-2.0 OR (MPL-2.0 AND Apache-2.0))').score,
    ).toBe(0.6);
    expect(scoreLicense('Apache-2.0 WITH LLVM-exception').score).toBe(1);
  });

  it('reads free-text license names', () => {
    expect(scoreLicense('Apache License, Version 2.0').score).toBe(1);
    expect(scoreLicense('MIT License').score).toBe(1);
  });

  it('treats a malformed expression as one unknown name', () => {
    expect(scoreLicense('(MIT OR').score).toBe(0.1);
  });

  it('says where the license came from when it is not the registry', () => {
    expect(scoreLicense('ISC', 'the scraped page').rationale).toBe(
      'ISC (from the scraped page) is permissive.',
    );
  });
});
