import path from 'node:path';
import type { K8sObject } from './manifests.js';
import { unknownFieldViolations } from './manifest-fields.js';

const project = path.resolve(__dirname, '..');
const ranker = (container: Record<string, unknown>): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'ranker' },
  spec: {
    selector: { matchLabels: { app: 'ranker' } },
    template: { spec: { containers: [{ name: 'ranker', image: 'ranker:1.0.0', ...container }] } },
  },
});

describe('unknownFieldViolations', () => {
  it('accepts objects that use only fields the API defines', () => {
    const probe = { httpGet: { path: '/readyz', port: 'health' } };
    expect(unknownFieldViolations([ranker({ readinessProbe: probe })], project)).toEqual([]);
  });

  it('names a misspelt field and the object it is in', () => {
    const probe = { httpGet: { path: '/readyz', port: 'health' } };
    const [violation, ...rest] = unknownFieldViolations([ranker({ readinesProbe: probe })], project);
    expect(rest).toEqual([]);
    expect(violation).toMatch(
      /^Deployment\/ranker: .*'"?readinesProbe"?' does not exist in type 'IContainer'/,
    );
  });

  it('checks KEDA ScaledObjects too', () => {
    const scaled: K8sObject = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'ranker' },
      spec: { scaleTargetRef: { name: 'ranker' }, minReplicas: 2, triggers: [] },
    };
    expect(unknownFieldViolations([scaled], project).join()).toMatch(/ScaledObject\/ranker: .*minReplicas/);
  });

  it('checks HorizontalPodAutoscalers too', () => {
    const hpa: K8sObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'gateway' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
        maxReplicas: 6,
        minReplicaCount: 2,
      },
    };
    expect(unknownFieldViolations([hpa], project).join()).toMatch(
      /HorizontalPodAutoscaler\/gateway: .*minReplicaCount/,
    );
  });
});
