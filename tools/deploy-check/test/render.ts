import path from 'node:path';
import type { K8sObject } from '../src/index.js';
import { renderKustomization } from '../src/index.js';

/** The repository root (tests run with the sources, from tools/deploy-check/test). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The kustomizations users deploy, and the base they share. */
export const KUSTOMIZATIONS = [
  'k8s/base',
  'k8s/overlays/dev',
  'k8s/overlays/dev-model',
  'k8s/overlays/prod',
] as const;

/** Renders a kustomization of this repository. */
export function render(kustomization: string): K8sObject[] {
  return renderKustomization(path.join(REPO_ROOT, kustomization));
}
