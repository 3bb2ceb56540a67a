import { type LicenseFamily, readLicense } from './license-expression.js';
import { LICENSE_SCORES } from './scoring-settings.js';
import type { ComponentScore } from './score-math.js';

const FAMILY_WORDS: Record<LicenseFamily, string> = {
  permissive: 'permissive',
  weakCopyleft: 'weak copyleft (file-level obligations)',
  strongCopyleft: 'strong copyleft (obligations reach the software that uses it)',
  unknown: 'not a license the ranker recognizes, so it scores as unknown',
};

/**
 * License: the family score of `LICENSE_SCORES` for an SPDX expression or license name (`OR`: best option
 * wins; `AND`: worst part counts). `source` names where the license came from when not the registry. Pure.
 */
export function scoreLicense(license: string | undefined, source?: string): ComponentScore {
  const from = source ? ` (from ${source})` : '';
  const text = license?.trim() ?? '';
  if (text === '' || /^(NONE|NOASSERTION)$/i.test(text)) {
    return { score: LICENSE_SCORES.unknown, rationale: `No license declared${from}: treated as unknown.` };
  }
  if (/^SEE\s+LICEN[CS]E/i.test(text)) {
    return {
      score: LICENSE_SCORES.unknown,
      rationale: `"${cut(text)}"${from}: the terms are in a file, not a known license; treated as unknown.`,
    };
  }
  if (/^UNLICENSED$/i.test(text)) {
    return { score: LICENSE_SCORES.unknown, rationale: `UNLICENSED${from}: proprietary, no rights granted.` };
  }
  const reading = readLicense(text);
  const family = FAMILY_WORDS[reading.family];
  let rationale: string;
  if (reading.combination === 'choice') {
    rationale = `${cut(text)}${from}: the best option, ${reading.decidedBy}, is ${family}.`;
  } else if (reading.combination === 'conjunction') {
    rationale = `${cut(text)}${from}: every part applies, and the most restrictive, ${reading.decidedBy}, is ${family}.`;
  } else {
    rationale = `${cut(text)}${from} is ${family}.`;
  }
  return { score: LICENSE_SCORES[reading.family], rationale };
}

function cut(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
