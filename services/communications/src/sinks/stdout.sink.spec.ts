import { PassThrough } from 'node:stream';
import { ranking } from '../domain/testing/ranking.fixture.js';
import { StdoutSink } from './stdout.sink.js';

async function written(markdown: string) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const receipt = await new StdoutSink(out).deliver({
    goalId: 'g1',
    goalText: 'goal',
    markdown,
    html: '<p>report</p>',
    ranking: ranking([]),
    idempotencyKey: 'g1:report',
  });
  return { text: Buffer.concat(chunks).toString(), receipt };
}

describe('StdoutSink', () => {
  it('writes the markdown report to its stream', async () => {
    const { text, receipt } = await written('# report');
    expect(text).toBe('# report\n');
    expect(receipt).toEqual({ sink: 'stdout', detail: 'wrote the markdown report (9 bytes) to the stream' });
  });

  it('shows escape sequences and bidi controls from scraped pages instead of letting them drive the terminal', async () => {
    const { text } = await written('# report\n1. evil \u001b]0;pwned\u0007 \u202egnp.exe');
    expect(text).toBe('# report\n1. evil \\x1b]0;pwned\\x07 \\u202egnp.exe\n');
    expect([...text].filter((c) => ['\u001b', '\u0007', '\u202e'].includes(c))).toEqual([]);
  });
});
