import { ARTIFACT_BUCKETS, artifactBucketOf, artifactLocation, ARTIFACTS } from './artifact-names.js';
import { BUCKETS } from './topology.js';

describe('artifact buckets', () => {
  it('keeps the ranking in swarm-artifacts and every report in swarm-reports', () => {
    expect(BUCKETS[artifactBucketOf(ARTIFACTS.ranking)!]).toBe('swarm-artifacts');
    for (const report of [
      ARTIFACTS.reportPreview,
      ARTIFACTS.reportDraft,
      ARTIFACTS.reportMarkdown,
      ARTIFACTS.reportHtml,
    ])
      expect(BUCKETS[artifactBucketOf(report)!]).toBe('swarm-reports');
  });

  it('names a bucket for every artifact and none for a name that is not an artifact', () => {
    expect(Object.keys(ARTIFACT_BUCKETS).sort()).toEqual(Object.values(ARTIFACTS).sort());
    expect(artifactBucketOf('report.bin')).toBeUndefined();
    expect(artifactBucketOf('toString')).toBeUndefined();
    expect(artifactBucketOf('g-1/report.md')).toBeUndefined();
  });

  it('says where an artifact lives, as the contract docs show it', () => {
    expect(artifactLocation(ARTIFACTS.reportMarkdown)).toBe(
      'object `<goalId>/report.md` in the object-store bucket `swarm-reports`',
    );
  });

  it('keeps the preview apart from the delivered report, so the final report is never an overwrite', () => {
    expect(ARTIFACTS.reportPreview).not.toBe(ARTIFACTS.reportMarkdown);
  });
});
