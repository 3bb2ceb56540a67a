import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ranking } from '../domain/testing/ranking.fixture.js';
import type { ReportDelivery } from './delivery-sink.js';
import { FileSink } from './file.sink.js';
import { failureOf } from './testing/failure-of.js';

const report: ReportDelivery = {
  goalId: 'g-file-1',
  goalText: 'goal',
  markdown: '# Swarm report\n',
  html: '<!doctype html>\n',
  ranking: ranking([]),
  idempotencyKey: 'g-file-1:report',
};

describe('FileSink on a real directory', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'file-sink-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the directory and writes <goalId>.md and <goalId>.html, leaving no temporary files', async () => {
    const dir = join(root, 'nested', 'reports');
    const receipt = await new FileSink(dir).deliver(report);
    expect(await readFile(join(dir, 'g-file-1.md'), 'utf8')).toBe(report.markdown);
    expect(await readFile(join(dir, 'g-file-1.html'), 'utf8')).toBe(report.html);
    expect((await readdir(dir)).sort()).toEqual(['g-file-1.html', 'g-file-1.md']);
    expect(receipt).toEqual({
      sink: 'file',
      detail: `wrote ${join(dir, 'g-file-1.md')} and ${join(dir, 'g-file-1.html')}`,
    });
  });

  it('overwrites the files when the report is delivered again', async () => {
    const dir = join(root, 'again');
    await new FileSink(dir).deliver(report);
    await new FileSink(dir).deliver({ ...report, markdown: '# Second\n' });
    expect(await readFile(join(dir, 'g-file-1.md'), 'utf8')).toBe('# Second\n');
  });

  it('refuses a goal id that is no safe file name, permanently', async () => {
    const error = await failureOf(new FileSink(root).deliver({ ...report, goalId: '../escape' }));
    expect(error).toMatchObject({ code: 'invalid-goal-id', retryable: false });
  });

  it('fails retryably when the directory cannot be created', async () => {
    const blocker = join(root, 'a-file');
    await writeFile(blocker, 'not a directory');
    const error = await failureOf(new FileSink(join(blocker, 'reports')).deliver(report));
    expect(error).toMatchObject({ code: 'file-unavailable', retryable: true });
    expect(error.message).toContain(join(blocker, 'reports'));
  });
});
