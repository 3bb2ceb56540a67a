import type { K8sObject } from './manifests.js';
import { parseManifests } from './manifests.js';
import { schemaViolations } from './manifest-schemas.js';

const deployment = (spec: unknown): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'ranker' },
  spec,
});

const scaledObject = (metadata: Record<string, unknown>): K8sObject => ({
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'ranker' },
  spec: { scaleTargetRef: { name: 'ranker' }, triggers: [{ type: 'nats-jetstream', metadata }] },
});

const goodTrigger = {
  natsServerMonitoringEndpoint: 'nats.agent-swarm.svc.cluster.local:8222',
  account: '$G',
  stream: 'TASKS_RANK',
  consumer: 'ranker',
  lagThreshold: '8',
};

describe('schemaViolations', () => {
  it('accepts a well-formed Deployment', () => {
    const spec = {
      selector: { matchLabels: { app: 'ranker' } },
      template: { spec: { containers: [{ name: 'ranker', image: 'ranker:1.0.0' }] } },
    };
    expect(schemaViolations(deployment(spec))).toEqual([]);
  });

  it('names a field of the wrong type', () => {
    const spec = {
      replicas: 'two',
      selector: { matchLabels: { app: 'ranker' } },
      template: { spec: { containers: [{ name: 'ranker', ports: [{ containerPort: 'http' }] }] } },
    };
    const [violation] = schemaViolations(deployment(spec));
    expect(violation).toMatch(/Deployment\/ranker: .*spec\/replicas must be integer/);
    expect(violation).toMatch(/containerPort must be integer/);
  });

  it('names a missing required field', () => {
    expect(schemaViolations(deployment({ template: {} })).join()).toMatch(
      /must have required property selector/,
    );
  });

  it('checks Ingresses and HorizontalPodAutoscalers against their schemas', () => {
    const ingress: K8sObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'gateway' },
      spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'gateway' } } }] } }] },
    };
    expect(schemaViolations(ingress).join()).toMatch(
      /Ingress\/gateway: .*must have required property pathType/,
    );
    const hpa: K8sObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'gateway' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'gateway' }, minReplicas: 2 },
    };
    expect(schemaViolations(hpa).join()).toMatch(/must have required property maxReplicas/);
  });

  it('refuses a kind it has no schema for instead of passing it unchecked', () => {
    const cronJob: K8sObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'x' } };
    expect(schemaViolations(cronJob)).toEqual(['CronJob/x: no schema for batch/v1 CronJob']);
  });

  it('checks cert-manager Certificates against the CRD schema (usages are an enum)', () => {
    const certificate = (usages: string[]): K8sObject => ({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'nats-server' },
      spec: { secretName: 'nats-tls', issuerRef: { name: 'nats-ca' }, dnsNames: ['nats'], usages },
    });
    expect(schemaViolations(certificate(['server auth', 'client auth']))).toEqual([]);
    expect(schemaViolations(certificate(['server auth', 'client-auth'])).join()).toMatch(
      /Certificate\/nats-server: .*usages\/1 must be equal to one of the allowed values/,
    );
  });

  it('accepts a nats-jetstream trigger with the parameters KEDA documents', () => {
    expect(schemaViolations(scaledObject(goodTrigger))).toEqual([]);
  });

  it('refuses a misspelt or non-numeric nats-jetstream parameter', () => {
    const { lagThreshold: _dropped, ...withoutLag } = goodTrigger;
    expect(schemaViolations(scaledObject({ ...withoutLag, lagTreshold: '8' }))).toEqual([
      "ScaledObject/ranker: triggers/0/metadata must have required property 'lagThreshold'",
      'ScaledObject/ranker: triggers/0/metadata must NOT have additional properties',
    ]);
    expect(schemaViolations(scaledObject({ ...goodTrigger, lagThreshold: 'ten' })).join()).toMatch(
      /metadata\/lagThreshold must match pattern/,
    );
  });

  it('refuses a ScaledObject that breaks the KEDA CRD schema', () => {
    const broken: K8sObject = { ...scaledObject(goodTrigger), spec: { triggers: [] } };
    expect(schemaViolations(broken).join()).toMatch(/required property scaleTargetRef/);
  });
});

describe('parseManifests', () => {
  it('parses a multi-document stream and skips empty documents', () => {
    const objects = parseManifests('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n---\n');
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/a']);
  });

  it('refuses a document that is no kubernetes object', () => {
    expect(() => parseManifests('just: a map\n')).toThrow('document 0 is not a kubernetes object');
  });
});
