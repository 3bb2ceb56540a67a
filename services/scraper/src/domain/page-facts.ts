import type { CheerioAPI } from 'cheerio';
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
const INSTALL_LINE = /^(?:\$\s*)?((?:npm (?:install|i)|pnpm add|yarn add)\s+\S.*)$/;

type JsonObject = Record<string, unknown>;

/**
 * License and version from, in order of trust: JSON-LD (`script[type="application/ld+json"]`, arrays and
 * `@graph` included, invalid JSON skipped), a facts table (`<table>` rows or `<dl>` pairs labelled
 * License/Version), and meta/microdata (`meta[name=license|version]`, `[itemprop=license|softwareVersion]`).
 * The install command is the first line of a `code`/`pre` that starts with `npm install`, `npm i`, `pnpm add`
 * or `yarn add` (a leading `$ ` prompt is dropped). Versions must contain a digit. Pure (reads the document).
 */
export function extractFacts($: CheerioAPI): PageFacts {
  const jsonLd = jsonLdObjects($);
  const table = factsTable($);
  const license = firstOf(
    jsonLd.map((node) => licenseOf(node['license'])),
    table.license,
    metaValue($, 'license'),
  );
  const version = firstOf(
    jsonLd.map((node) => versionOf(node['softwareVersion'] ?? node['version'])),
    versionOf(table.version),
    versionOf(metaValue($, 'version') ?? metaValue($, 'softwareVersion')),
  );
  const install = installCommand($);
  return {
    ...(license !== undefined && { license: clipText(license, LIMITS.license) }),
    ...(version !== undefined && { version: clipText(version, LIMITS.version) }),
    ...(install !== undefined && { install: clipText(install, LIMITS.install) }),
  };
}

function firstOf(...candidates: (string | undefined | (string | undefined)[])[]): string | undefined {
  return candidates.flat().find((value): value is string => value !== undefined && value !== '');
}

function jsonLdObjects($: CheerioAPI): JsonObject[] {
  const found: JsonObject[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) value.forEach((item) => collect(item, depth + 1));
    else if (typeof value === 'object' && value !== null) {
      found.push(value as JsonObject);
      collect((value as JsonObject)['@graph'], depth + 1);
    }
  };
  $('script[type="application/ld+json"]').each((_, script) => {
    try {
      collect(JSON.parse($(script).text()), 0);
    } catch {
      // Invalid JSON-LD is common; the other sources still count.
    }
  });
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

function factsTable($: CheerioAPI): { license?: string; version?: string } {
  const facts: { license?: string; version?: string } = {};
  const record = (label: string, value: string) => {
    const text = collapseWhitespace(value);
    if (text === '') return;
    if (LICENSE_LABEL.test(label)) facts.license ??= text;
    else if (VERSION_LABEL.test(label)) facts.version ??= versionOf(text);
  };
  $('tr').each((_, row) => {
    const cells = $(row).children('th, td');
    if (cells.length >= 2) record(collapseWhitespace(cells.eq(0).text()), cells.eq(1).text());
  });
  $('dt').each((_, term) => {
    record(collapseWhitespace($(term).text()), $(term).nextAll('dd').first().text());
  });
  return facts;
}

function metaValue($: CheerioAPI, name: string): string | undefined {
  const element = $(`meta[name="${name}"], [itemprop="${name}"]`).first();
  if (element.length === 0) return undefined;
  const value = collapseWhitespace(element.attr('content') ?? element.text());
  return value === '' ? undefined : value;
}

function installCommand($: CheerioAPI): string | undefined {
  // `code` before `pre`: a `pre` around the code may also hold a copy button's label.
  for (const selector of ['code', 'pre']) {
    for (const block of $(selector).toArray()) {
      for (const line of $(block).text().split('\n')) {
        const command = INSTALL_LINE.exec(line.trim())?.[1];
        if (command !== undefined) return collapseWhitespace(command);
      }
    }
  }
  return undefined;
}
