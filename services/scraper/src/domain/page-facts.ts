import type { Element } from 'domhandler';
import { childElements, nextElements, rawTextOf, textOf } from './node-text.js';
import type { PageScan } from './page-scan.js';
import { clipText, collapseWhitespace } from './page-text.js';

/** What a page states about the package, each only when found. */
export interface PageFacts {
  license?: string;
  version?: string;
  install?: string;
}

const LIMITS = { license: 100, version: 64, install: 300 } as const;
const LICENSE_LABEL = /^licen[cs]e:?$/i;
const VERSION_LABEL = /^(?:latest |current )?(?:version|release):?$/i;
/** Longest label text compared with LICENSE_LABEL / VERSION_LABEL; a longer one matches neither. */
const LABEL_CHARS = 64;
/** Characters of a value kept before it is cut to LIMITS (leaves room for collapsing). */
const VALUE_CHARS = 1_000;
const INSTALL_LINE = /^(?:\$\s*)?((?:npm (?:install|i)|pnpm add|yarn add)\s+\S.*)$/;

type JsonObject = Record<string, unknown>;

/**
 * License and version from, in order of trust: JSON-LD (`script[type="application/ld+json"]`, arrays and
 * `@graph` included, invalid JSON skipped), a facts table (`<table>` rows or `<dl>` pairs labelled
 * License/Version), and meta/microdata (`meta[name=license|version]`, `[itemprop=license|softwareVersion]`).
 * The install command is the first line of a `code`/`pre` that starts with `npm install`, `npm i`, `pnpm add`
 * or `yarn add` (a leading `$ ` prompt is dropped). Versions must contain a digit. Reads the elements `scanPage`
 * found, each once. Pure.
 */
export function extractFacts(scan: PageScan): PageFacts {
  const jsonLd = jsonLdObjects(scan.jsonLd);
  const table = factsTable(scan);
  const license = firstOf(
    jsonLd.map((node) => licenseOf(node['license'])),
    table.license,
    metaValue(scan, 'license'),
  );
  const version = firstOf(
    jsonLd.map((node) => versionOf(node['softwareVersion'] ?? node['version'])),
    versionOf(table.version),
    versionOf(metaValue(scan, 'version') ?? metaValue(scan, 'softwareVersion')),
  );
  const install = installCommand(scan);
  return {
    ...(license !== undefined && { license: clipText(license, LIMITS.license) }),
    ...(version !== undefined && { version: clipText(version, LIMITS.version) }),
    ...(install !== undefined && { install: clipText(install, LIMITS.install) }),
  };
}

function firstOf(...candidates: (string | undefined | (string | undefined)[])[]): string | undefined {
  return candidates.flat().find((value): value is string => value !== undefined && value !== '');
}

function jsonLdObjects(scripts: readonly Element[]): JsonObject[] {
  const found: JsonObject[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) value.forEach((item) => collect(item, depth + 1));
    else if (typeof value === 'object' && value !== null) {
      found.push(value as JsonObject);
      collect((value as JsonObject)['@graph'], depth + 1);
    }
  };
  for (const script of scripts) {
    try {
      collect(JSON.parse(rawTextOf(script)), 0);
    } catch {
      // Invalid JSON-LD is common; the other sources still count.
    }
  }
  return found;
}

/** A license as JSON-LD gives it: a name, an SPDX/OSI URL, or an object with a name; the first of an array. */
function licenseOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return licenseOf(value[0]);
  if (typeof value === 'object' && value !== null) {
    const node = value as JsonObject;
    return licenseOf(node['name'] ?? node['identifier'] ?? node['url'] ?? node['@id']);
  }
  if (typeof value !== 'string') return undefined;
  const text = collapseWhitespace(value);
  const spdx =
    /^https?:\/\/(?:www\.)?(?:spdx\.org|opensource\.org)\/licenses\/([\w.+-]+?)(?:\.html|\.php)?\/?$/i.exec(
      text,
    );
  return spdx?.[1] ?? (text === '' ? undefined : text);
}

function versionOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = collapseWhitespace(String(value));
  return /\d/.test(text) ? text : undefined;
}

function factsTable(scan: PageScan): { license?: string; version?: string } {
  const facts: { license?: string; version?: string } = {};
  const record = (labelElement: Element, valueElement: () => Element | undefined) => {
    const label = textOf(labelElement, LABEL_CHARS);
    const isLicense = LICENSE_LABEL.test(label) && facts.license === undefined;
    const isVersion = VERSION_LABEL.test(label) && facts.version === undefined;
    if (!isLicense && !isVersion) return;
    const value = valueElement();
    const text = value === undefined ? '' : textOf(value, VALUE_CHARS);
    if (text === '') return;
    if (isLicense) facts.license = text;
    else facts.version = versionOf(text);
  };
  for (const row of scan.rows) {
    const cells = childElements(row).filter((cell) => cell.name === 'th' || cell.name === 'td');
    const [label, value] = cells;
    if (label !== undefined && value !== undefined) record(label, () => value);
  }
  const nextDefinition = new Map<Element, Element | undefined>();
  for (const term of scan.terms) record(term, () => definitionAfter(term, nextDefinition));
  return facts;
}

/**
 * The first `<dd>` after `term` among its siblings, remembered for every `<dt>` passed on the way, so a list of
 * many terms is scanned once, not once per term.
 */
function definitionAfter(term: Element, known: Map<Element, Element | undefined>): Element | undefined {
  if (known.has(term)) return known.get(term);
  const passed = [term];
  let found: Element | undefined;
  for (const sibling of nextElements(term)) {
    if (sibling.name === 'dd') {
      found = sibling;
      break;
    }
    if (sibling.name === 'dt') {
      if (known.has(sibling)) {
        found = known.get(sibling);
        break;
      }
      passed.push(sibling);
    }
  }
  for (const element of passed) known.set(element, found);
  return found;
}

function metaValue(scan: PageScan, name: string): string | undefined {
  const element = scan.metaValue.get(name);
  if (element === undefined) return undefined;
  const content = element.attribs['content'];
  const value = content !== undefined ? collapseWhitespace(content) : textOf(element, VALUE_CHARS);
  return value === '' ? undefined : value;
}

function installCommand(scan: PageScan): string | undefined {
  // `code` before `pre`: a `pre` around the code may also hold a copy button's label.
  for (const block of [...scan.codes, ...scan.pres]) {
    for (const line of rawTextOf(block).split('\n')) {
      const command = INSTALL_LINE.exec(line.trim())?.[1];
      if (command !== undefined) return collapseWhitespace(command);
    }
  }
  return undefined;
}
