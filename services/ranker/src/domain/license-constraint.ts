import type { LicenseConstraint } from '@swarm/corpus';
import { licenseFamily, readLicense } from './license-expression.js';

/**
 * Why a candidate's licence does not meet the licence a goal asks for (`parseGoalQuery(...).license`), or
 * undefined when it does. `permissive` is met by an expression whose best choice is permissive (`MIT OR GPL-3.0`);
 * a named licence by an expression offering it (`MIT`, `(MIT OR Apache-2.0)`; `BSD` by any `BSD-*`). An unknown
 * or undeclared licence meets no constraint: the goal asked for a licence nobody declared. Pure.
 */
export function licenseMiss(constraint: LicenseConstraint, license: string | undefined): string | undefined {
  const wanted = constraint.wanted === 'permissive' ? 'a permissive licence' : constraint.wanted;
  if (license === undefined || license.trim() === '')
    return `declares no licence; the goal asks for ${wanted}`;
  if (constraint.wanted === 'permissive') {
    return readLicense(license).family === 'permissive'
      ? undefined
      : `licence ${license} is not permissive; the goal asks for ${wanted}`;
  }
  const offered = license
    .toUpperCase()
    .split(/\s+(?:OR|AND|WITH)\s+|[()\s]+/)
    .filter((part) => part !== '');
  const meets = offered.some(
    (id) =>
      id === constraint.wanted ||
      id.startsWith(`${constraint.wanted}-`) ||
      (licenseFamily(id) === licenseFamily(constraint.wanted) && sameName(id, constraint.wanted)),
  );
  return meets ? undefined : `licence ${license} is not ${wanted}, which the goal asks for`;
}

/** `APACHE-2.0` and `APACHE 2.0` or `Apache License 2.0` name one licence. */
function sameName(id: string, wanted: string): boolean {
  const head = (text: string) => text.replace(/[^A-Z0-9]+/g, '').replace(/LICEN[CS]E/g, '');
  return head(id) === head(wanted);
}
