import { StackConfigError } from './errors.js';
import { parseScale } from './scale.js';

describe('parseScale', () => {
  it('starts one replica of each agent unless told otherwise', () => {
    expect(parseScale([])).toEqual({ search: 1, scraper: 1, ranker: 1, communications: 1 });
  });

  it('reads repeated and comma-separated --scale options', () => {
    expect(parseScale(['scraper=3', 'ranker=2,communications=2'])).toMatchObject({
      scraper: 3,
      ranker: 2,
      communications: 2,
    });
  });

  it.each(['crawler=2', 'scraper', 'scraper=0', 'scraper=99'])('refuses "%s" with a usage error', (spec) => {
    expect(() => parseScale([spec])).toThrow(StackConfigError);
  });
});
