import { AllowHostsSetting, FlagSetting, parseHostEntry } from './host-entry.js';

describe('parseHostEntry', () => {
  it.each([
    ['127.0.0.1:4815', { host: '127.0.0.1', port: 4815 }],
    ['Docs.Local', { host: 'docs.local' }],
    ['docs.local.:8080', { host: 'docs.local', port: 8080 }],
    ['::1', { host: '::1' }],
    ['[::1]:8080', { host: '::1', port: 8080 }],
    ['[::1]', { host: '::1' }],
  ])('parses %s', (entry, expected) => {
    expect(parseHostEntry(entry)).toEqual(expected);
  });

  it.each(['', 'a b', 'host:0', 'host:', '[nothost]:80', 'http://x', '-x.local'])('refuses "%s"', (entry) => {
    expect(parseHostEntry(entry)).toBeUndefined();
  });
});

describe('AllowHostsSetting', () => {
  it('reads a comma-separated list, dropping empty parts', () => {
    expect(AllowHostsSetting.parse(' 127.0.0.1:4815, ,Docs.Local ')).toEqual([
      '127.0.0.1:4815',
      'docs.local',
    ]);
  });

  it('names an entry that is not a host', () => {
    const parsed = AllowHostsSetting.safeParse('ok.host, http://x/');
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'not a host or host:port: "http://x/"',
    ]);
  });
});

describe('FlagSetting', () => {
  it('reads booleans and the words true and false only', () => {
    expect([FlagSetting.parse('true'), FlagSetting.parse(false)]).toEqual([true, false]);
    expect(FlagSetting.safeParse('yes').error?.issues.map((issue) => issue.message)).toContain(
      'must be true or false',
    );
  });
});
