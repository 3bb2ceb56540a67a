import { PassThrough } from 'node:stream';
import { ranking } from '../domain/testing/ranking.fixture.js';
import { StdoutSink } from './stdout.sink.js';

describe('StdoutSink', () => {
  it('writes the markdown report to its stream', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const receipt = await new StdoutSink(out).deliver({
      goalId: 'g1',
      goalText: 'goal',
      markdown: '# report',
      html: '<p>report</p>',
      ranking: ranking([]),
      idempotencyKey: 'g1:report',
    });
    expect(Buffer.concat(chunks).toString()).toBe('# report\n');
    expect(receipt).toEqual({ sink: 'stdout', detail: 'wrote the markdown report (9 bytes) to the stream' });
  });
});
