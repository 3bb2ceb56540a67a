import { parseVmRss, readRssBytes } from './process-rss.js';

const STATUS = `Name:\tnode
Umask:\t0022
State:\tS (sleeping)
VmPeak:\t 1234567 kB
VmRSS:\t  131072 kB
RssAnon:\t   90000 kB
Threads:\t11
`;

describe('parseVmRss', () => {
  it('reads the VmRSS line of /proc/<pid>/status as bytes', () => {
    expect(parseVmRss(STATUS)).toBe(131_072 * 1024);
  });

  it('does not mistake RssAnon or VmPeak for it', () => {
    expect(parseVmRss(STATUS.replace(/^VmRSS.*\n/m, ''))).toBeUndefined();
  });

  it('is undefined for a zombie (no memory lines)', () => {
    expect(parseVmRss('Name:\tnode\nState:\tZ (zombie)\n')).toBeUndefined();
  });
});

describe('readRssBytes', () => {
  it('reads this process and gives up on a pid that does not exist', async () => {
    expect(await readRssBytes(process.pid)).toBeGreaterThan(1024 * 1024);
    expect(await readRssBytes(2 ** 30)).toBeUndefined();
  });
});
