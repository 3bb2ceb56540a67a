import { deepPage, hostilePage, widePage } from './hostile-pages.js';

describe('hostile pages', () => {
  it('makes the wide page 60,000 paragraphs in about 469 KiB', () => {
    const page = widePage();
    expect(page.match(/<p>/g)).toHaveLength(60_000);
    expect(Math.round(page.length / 1024)).toBe(469);
  });

  it('nests the deep page 10,000 divs deep, every one closed', () => {
    const page = deepPage();
    expect(page.match(/<div>/g)).toHaveLength(10_000);
    expect(page.match(/<\/div>/g)).toHaveLength(10_000);
    expect(page.indexOf('x')).toBe(page.lastIndexOf('<div>') + '<div>'.length);
  });

  it('gives each kind its page', () => {
    expect(hostilePage('wide')).toBe(widePage());
    expect(hostilePage('deep')).toBe(deepPage());
  });
});
