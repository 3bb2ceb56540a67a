import { parseBoundedHtml } from './html-tree.js';
import { CollapsedText, rawTextOf, textOf } from './node-text.js';
import { clipText, collapseWhitespace } from './page-text.js';

const bounds = { maxElements: 1_000, maxDepth: 64 };

describe('CollapsedText', () => {
  it('gives what collapseWhitespace gives on the chunks joined', () => {
    const chunks = ['  Fast\n', '\u00a0 web ', '', ' framework\t', '  for', 'Node  '];
    const text = new CollapsedText();
    for (const chunk of chunks) text.append(chunk);
    expect(text.value).toBe(collapseWhitespace(chunks.join('')));
  });

  it('holds one character past its cap, so clipping gives what it gives on the whole text', () => {
    const words = 'lorem ipsum dolor sit amet '.repeat(20);
    const text = new CollapsedText(50);
    for (const word of words.split(/(?= )/)) text.append(word);
    expect(text.full).toBe(true);
    expect(text.value).toHaveLength(51);
    expect(clipText(text.value, 50)).toBe(clipText(collapseWhitespace(words), 50));
  });
});

describe('textOf and rawTextOf', () => {
  const document = parseBoundedHtml(
    '<body><div id="a">  one <ul><li>two</li></ul> three\n<!-- hidden -->four</div></body>',
    bounds,
  );

  it('reads text nodes only, collapsed, without the subtrees it is told to skip', () => {
    expect(textOf(document)).toBe('one two three four');
    expect(textOf(document, Number.POSITIVE_INFINITY, (element) => element.name === 'ul')).toBe(
      'one three four',
    );
  });

  it('stops once past its cap', () => {
    expect(textOf(document, 5)).toBe('one tw');
  });

  it('keeps whitespace and line breaks in the raw text', () => {
    expect(rawTextOf(document)).toBe('  one two three\nfour');
  });
});
