import { readFileSync } from 'node:fs';
import path from 'node:path';

/** docs/bus-contract.md as a client in another language reads it. */
export const contractDoc = readFileSync(path.join(__dirname, '../../../docs/bus-contract.md'), 'utf8');

/** Every JSON example of the doc (its ```json blocks), parsed. */
export const docExamples: Record<string, unknown>[] = [
  ...contractDoc.matchAll(/```json\n([\s\S]*?)```/g),
].map((match) => JSON.parse(match[1] ?? '') as Record<string, unknown>);

/** The walkthrough's `nats req <subject> ... -H 'Name:value'` publish: its subject and headers. */
export function walkthroughPublish(): { subject: string; headers: Record<string, string> } {
  const command = /nats req (\S+) "\$\(cat goal\.json\)"((?:\s*\\?\s*-H '[^']+')+)/.exec(contractDoc);
  if (!command?.[1] || !command[2]) throw new Error('docs/bus-contract.md: no walkthrough `nats req` found');
  const headers: Record<string, string> = {};
  for (const [, name, value] of command[2].matchAll(/-H '([^:']+):([^']*)'/g)) headers[name!] = value!;
  return { subject: command[1], headers };
}

/** The walkthrough's decision: `nats kv create <bucket> <key> '<json>' --user <user>`. */
export function walkthroughDecision(): { bucket: string; key: string; value: string; user: string } {
  const [, bucket, key, value, user] =
    /nats kv create (\S+) (\S+) \\\s*\n\s*'([^']+)' --user (\S+)/.exec(contractDoc) ?? [];
  if (!bucket || !key || !value || !user) throw new Error('docs/bus-contract.md: no `nats kv create` found');
  return { bucket, key, value, user };
}

/** The rows of the Artifacts table: object name pattern (`<goalId>/report.md`) and its bucket. */
export function documentedArtifacts(): { object: string; bucket: string }[] {
  const section = contractDoc.slice(contractDoc.indexOf('## Artifacts'), contractDoc.indexOf('## Approvals'));
  return [...section.matchAll(/^\| `[^`]+` +\| `(<goalId>\/[^`]+)` +\| `([^`]+)` /gm)].map((match) => ({
    object: match[1]!,
    bucket: match[2]!,
  }));
}

/**
 * The shape of an id: the goal id as `<goal>`, a 16-digit hex fingerprint as `<hex>`, every number as `#`, so a
 * documented id and one on the wire compare (`g-7f3a91c2/scrape/0/claimed/1` -> `<goal>/scrape/#/claimed/#`).
 * Pure.
 */
export function idShape(id: unknown, goalId: string): string {
  if (typeof id !== 'string') return String(id);
  return id
    .split(goalId)
    .join('<goal>')
    .replace(/\b[0-9a-f]{16}\b/g, '<hex>')
    .replace(/\b\d+\b/g, '#');
}
