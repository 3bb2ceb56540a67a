import { DOCS_MARKERS, replaceResultsSection } from './write-outputs.js';

describe('replaceResultsSection', () => {
  it('replaces only what lies between the markers', () => {
    const doc = `# Bench\n\nintro\n\n${DOCS_MARKERS.start}\nold table\n${DOCS_MARKERS.end}\n\n## Analysis\n`;
    const updated = replaceResultsSection(doc, '| new | table |\n');
    expect(updated).toBe(
      `# Bench\n\nintro\n\n${DOCS_MARKERS.start}\n\n| new | table |\n\n${DOCS_MARKERS.end}\n\n## Analysis\n`,
    );
  });

  it('refuses a document without the markers', () => {
    expect(() => replaceResultsSection('# nothing here', 'x')).toThrow(/no <!-- bench:results:start -->/);
  });
});
