import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as rendered: typed only as far as the checks need. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
  };
  readonly [field: string]: unknown;
}

/**
 * Renders a kustomization with `kubectl kustomize` (offline) and parses every object.
 * Throws when kubectl fails or prints something that is not a list of objects.
 */
export function renderKustomization(dir: string): K8sObject[] {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  if (result.error) throw new Error(`cannot run kubectl: ${result.error.message}`, { cause: result.error });
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${result.stderr.trim()}`);
  return parseManifests(result.stdout);
}

/** Parses a multi-document YAML stream into objects. Throws on a YAML error or a document that is no object. */
export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text).flatMap((doc, index) => {
    if (doc.errors.length > 0)
      throw new Error(`document ${index}: ${doc.errors[0]?.message ?? 'invalid yaml'}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return [];
    if (!isK8sObject(value)) throw new Error(`document ${index} is not a kubernetes object`);
    return [value];
  });
}

function isK8sObject(value: unknown): value is K8sObject {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const metadata = record['metadata'] as Record<string, unknown> | undefined;
  return (
    typeof record['apiVersion'] === 'string' &&
    typeof record['kind'] === 'string' &&
    typeof metadata?.['name'] === 'string'
  );
}

/** The objects of one kind. */
export function ofKind(objects: readonly K8sObject[], kind: string): K8sObject[] {
  return objects.filter((object) => object.kind === kind);
}

/** The object of a kind and name. Throws when it is missing. */
export function findObject(objects: readonly K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} among ${objects.length} rendered objects`);
  return found;
}
