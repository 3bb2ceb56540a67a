import { uniqueName } from './unique-name.js';

const VALID_NAME = /^[A-Za-z0-9_-]+$/;

describe('uniqueName', () => {
  it('returns a different name on every call for the same prefix', () => {
    const names = Array.from({ length: 1_000 }, () => uniqueName('orders'));
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps the prefix in front so a name says what it is for', () => {
    expect(uniqueName('scrape_tasks')).toMatch(/^scrape_tasks_/);
  });

  it('returns names valid as a stream name and a single subject token', () => {
    for (const prefix of ['plain', 'with-dash', 'UPPER_case9']) {
      expect(uniqueName(prefix)).toMatch(VALID_NAME);
    }
  });

  it('replaces dots, spaces, wildcards and slashes in the prefix with underscores', () => {
    const name = uniqueName('a.b c*d>e/f');
    expect(name).toMatch(VALID_NAME);
    expect(name.startsWith('a_b_c_d_e_f_')).toBe(true);
  });
});
