import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { K8sObject } from '../src/index.js';
import {
  AGENT_QUEUES,
  AGENTS,
  findObject,
  GATEWAY,
  natsUsers,
  ofKind,
  parseCompose,
  readAccessConfig,
  schemaViolations,
  SERVICES,
  unknownFieldViolations,
} from '../src/index.js';
import type { HpaSpec, IngressSpec, ScaledObjectSpec, ServiceSpec, Workload } from './k8s-shapes.js';
import { dataOf, onlyContainer, selects, specOf } from './k8s-shapes.js';
import { KUSTOMIZATIONS, render, REPO_ROOT } from './render.js';

const rendered = Object.fromEntries(KUSTOMIZATIONS.map((k) => [k, render(k)])) as Record<
  (typeof KUSTOMIZATIONS)[number],
  K8sObject[]
>;
const prod = rendered['k8s/overlays/prod'];
const dev = rendered['k8s/overlays/dev'];
const devModel = rendered['k8s/overlays/dev-model'];
const deployment = (objects: K8sObject[], name: string) =>
  specOf<Workload>(findObject(objects, 'Deployment', name));
const settings = (objects: K8sObject[]) =>
  dataOf(ofKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('swarm-settings-'))!);
const secret = (objects: K8sObject[]) =>
  ofKind(objects, 'Secret').find((s) => s.metadata.name.startsWith('nats-credentials-'))!;
const compose = parseCompose(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));

describe.each(KUSTOMIZATIONS)('kubectl kustomize %s', (kustomization) => {
  const objects = rendered[kustomization];

  it('renders every object valid against the Kubernetes and KEDA schemas', () => {
    expect(objects.length).toBeGreaterThan(20);
    expect(objects.flatMap(schemaViolations)).toEqual([]);
  });

  it('renders no field the Kubernetes or KEDA API does not define', () => {
    expect(unknownFieldViolations(objects, path.join(REPO_ROOT, 'tools/deploy-check'))).toEqual([]);
  });

  it('puts everything in the agent-swarm namespace', () => {
    const outside = objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'agent-swarm');
    expect(outside.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
  });

  it.each(AGENTS)('probes the %s agent on /readyz and /healthz of port 8080', (agent) => {
    const container = onlyContainer(deployment(objects, agent));
    const port = container.ports?.find((p) => p.name === 'health');
    expect(port?.containerPort).toBe(8080);
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'health' });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'health' });
  });

  it('probes the gateway on /readyz and /healthz of its HTTP port 8080, which its Service exposes', () => {
    const workload = deployment(objects, GATEWAY);
    const container = onlyContainer(workload);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080 }]);
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
    expect(env['GATEWAY_PORT']).toBe('8080');
    const service = specOf<ServiceSpec>(findObject(objects, 'Service', GATEWAY));
    expect(selects(service.selector, workload.template.metadata.labels)).toBe(true);
    expect(service.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http' }]);
  });

  it('gives the gateway its settings and its tokens file from Secret gateway-tokens, read-only', () => {
    const workload = deployment(objects, GATEWAY);
    const container = onlyContainer(workload);
    expect(container.envFrom?.map((from) => from.configMapRef?.name)).toEqual([
      expect.stringMatching(/^swarm-settings-/),
      expect.stringMatching(/^gateway-settings-/),
    ]);
    const gatewaySettings = dataOf(
      ofKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('gateway-settings-'))!,
    );
    expect(Object.keys(gatewaySettings)).toEqual(
      expect.arrayContaining(['GATEWAY_PUBLIC_URL', 'GATEWAY_OIDC_ISSUER', 'GATEWAY_OIDC_AUDIENCE']),
    );
    const file = container.env?.find((e) => e.name === 'GATEWAY_TOKENS_FILE')?.value ?? '';
    const mount = container.volumeMounts?.find((m) => m.mountPath === path.dirname(file));
    const volume = workload.template.spec.volumes?.find((v) => v.name === mount?.name);
    const tokens = ofKind(objects, 'Secret').find((x) => x.metadata.name === volume?.secret?.secretName);
    expect(tokens?.metadata.name).toMatch(/^gateway-tokens-/);
    expect(Object.keys(dataOf(tokens!))).toEqual([path.basename(file)]);
    expect(JSON.parse(Buffer.from(dataOf(tokens!)[path.basename(file)] ?? '', 'base64').toString())).toEqual(
      expect.any(Array),
    );
    expect(volume?.secret?.defaultMode).toBe(0o440);
  });

  it.each(SERVICES)('runs %s non-root, read-only, without capabilities, with /tmp writable', (agent) => {
    const workload = deployment(objects, agent);
    const container = onlyContainer(workload);
    expect(workload.template.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
    expect(workload.template.spec.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it.each(SERVICES)('gives %s cpu and memory requests and limits', (agent) => {
    const { resources } = onlyContainer(deployment(objects, agent));
    expect(Object.keys(resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
  });

  it.each(SERVICES)('connects %s as its own NATS user with its password from the Secret', (agent) => {
    const container = onlyContainer(deployment(objects, agent));
    const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e]));
    expect(env['NATS_USER']?.value).toBe(agent);
    expect(env['OTEL_SERVICE_NAME']?.value).toBe(agent);
    const ref = env['NATS_PASSWORD']?.valueFrom?.secretKeyRef;
    expect(ref?.name).toBe(secret(objects).metadata.name);
    expect(Object.keys(dataOf(secret(objects)))).toContain(ref?.key);
    expect(container.envFrom?.[0]?.configMapRef?.name).toMatch(/^swarm-settings-/);
  });

  it.each(SERVICES)('keeps a disruption budget over the %s pods', (agent) => {
    const labels = deployment(objects, agent).template.metadata.labels;
    const budgets = ofKind(objects, 'PodDisruptionBudget').filter((pdb) =>
      selects(
        specOf<{ selector: { matchLabels: Record<string, string> } }>(pdb).selector.matchLabels,
        labels,
      ),
    );
    expect(budgets.map((b) => b.metadata.name)).toEqual([agent]);
  });

  it('points the agents at the NATS client service over TLS and Jaeger OTLP over HTTP', () => {
    const ports = (name: string) =>
      specOf<ServiceSpec>(findObject(objects, 'Service', name)).ports.map((p) => p.port);
    expect(settings(objects)['NATS_URL']).toBe('tls://nats:4222');
    expect(ports('nats')).toContain(4222);
    expect(settings(objects)['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://jaeger:4318');
    expect(ports('jaeger')).toContain(4318);
  });

  it('holds a NATS password for every user of deploy/nats/auth.conf', () => {
    const users = natsUsers(readFileSync(path.join(REPO_ROOT, 'deploy/nats/auth.conf'), 'utf8'));
    expect(Object.keys(dataOf(secret(objects))).sort()).toEqual(users.map((u) => u.user).sort());
  });

  it('runs the same NATS and Jaeger images as docker-compose.yml', () => {
    expect(onlyContainer(specOf<Workload>(findObject(objects, 'StatefulSet', 'nats'))).image).toBe(
      compose.services['nats']?.image,
    );
    expect(onlyContainer(deployment(objects, 'jaeger')).image).toBe(compose.services['jaeger']?.image);
  });
});

describe('the prod overlay', () => {
  it.each(AGENT_QUEUES)(
    'scales the $agent agent on its own stream and consumer from the contracts',
    ({ agent, queue }) => {
      const scaled = specOf<ScaledObjectSpec>(findObject(prod, 'ScaledObject', agent));
      expect(scaled.scaleTargetRef.name).toBe(agent);
      expect(findObject(prod, 'Deployment', agent)).toBeDefined();
      expect(scaled.triggers).toHaveLength(1);
      expect(scaled.triggers[0]?.type).toBe('nats-jetstream');
      expect(scaled.triggers[0]?.metadata).toMatchObject({
        stream: queue.stream,
        consumer: queue.durable,
        // The account of the first tenant in deploy/nats/access.json (KEDA reads lag per NATS account).
        account: readAccessConfig(REPO_ROOT).tenants[0]?.account,
      });
    },
  );

  it.each(AGENTS)('keeps at least two %s replicas and lets KEDA add more', (agent) => {
    const scaled = specOf<ScaledObjectSpec>(findObject(prod, 'ScaledObject', agent));
    expect(scaled.minReplicaCount).toBeGreaterThanOrEqual(2);
    expect(scaled.maxReplicaCount).toBeGreaterThan(scaled.minReplicaCount);
    expect(deployment(prod, agent).replicas).toBe(scaled.minReplicaCount);
  });

  it('reads lag from the monitoring port of the NATS service', () => {
    const monitor = specOf<ServiceSpec>(findObject(prod, 'Service', 'nats')).ports.find(
      (p) => p.name === 'monitor',
    );
    for (const scaled of ofKind(prod, 'ScaledObject')) {
      const endpoint = specOf<ScaledObjectSpec>(scaled).triggers[0]?.metadata['natsServerMonitoringEndpoint'];
      expect(endpoint).toBe(`nats.agent-swarm.svc.cluster.local:${monitor?.port}`);
    }
  });

  it('keeps at least two gateway replicas and scales them on CPU', () => {
    const hpa = specOf<HpaSpec>(findObject(prod, 'HorizontalPodAutoscaler', GATEWAY));
    expect(hpa.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: GATEWAY });
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas);
    expect(hpa.metrics.map((m) => m.resource?.name)).toEqual(['cpu']);
    expect(deployment(prod, GATEWAY).replicas).toBe(hpa.minReplicas);
    expect(ofKind(prod, 'ScaledObject').map((o) => o.metadata.name)).not.toContain(GATEWAY);
  });

  it("routes the gateway's public host over HTTPS to its Service, unbuffered for event streams", () => {
    const ingress = findObject(prod, 'Ingress', GATEWAY);
    const spec = specOf<IngressSpec>(ingress);
    const [rule, ...more] = spec.rules;
    expect(more).toEqual([]);
    expect(spec.tls.flatMap((t) => t.hosts)).toEqual([rule?.host]);
    expect(rule?.http.paths).toEqual([
      { path: '/', pathType: 'Prefix', backend: { service: { name: GATEWAY, port: { name: 'http' } } } },
    ]);
    const gatewaySettings = dataOf(
      ofKind(prod, 'ConfigMap').find((c) => c.metadata.name.startsWith('gateway-settings-'))!,
    );
    expect(gatewaySettings['GATEWAY_PUBLIC_URL']).toBe(`https://${rule?.host}`);
    const annotations = (ingress.metadata as { annotations?: Record<string, string> }).annotations ?? {};
    expect(annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
  });

  it('replicates streams on all three NATS nodes', () => {
    const nats = specOf<Workload>(findObject(prod, 'StatefulSet', 'nats'));
    expect(settings(prod)['SWARM_STREAM_REPLICAS']).toBe(String(nats.replicas));
    expect(nats.replicas).toBe(3);
    expect(nats.volumeClaimTemplates).toHaveLength(1);
  });
});

describe('the dev overlay', () => {
  it('runs one replica of each agent and of the gateway, no autoscaler and no Ingress', () => {
    expect(ofKind(dev, 'ScaledObject')).toEqual([]);
    expect(ofKind(dev, 'HorizontalPodAutoscaler')).toEqual([]);
    expect(ofKind(dev, 'Ingress')).toEqual([]);
    for (const service of SERVICES) expect(deployment(dev, service).replicas).toBe(1);
    expect(settings(dev)['SWARM_STREAM_REPLICAS']).toBe('1');
  });

  it('serves the corpus docs in the cluster and lets the scraper fetch them', () => {
    const docs = onlyContainer(deployment(dev, 'docs'));
    expect(docs.args?.join(' ')).toMatch(/startDocsServer\(\{ host: '0\.0\.0\.0', port: 4815 \}\)/);
    const env = (agent: string) =>
      Object.fromEntries((onlyContainer(deployment(dev, agent)).env ?? []).map((e) => [e.name, e.value]));
    expect(env('search')['SEARCH_DOCS_BASE_URL']).toBe('http://docs:4815');
    expect(env('scraper')['SCRAPER_ALLOW_HOSTS']).toBe('docs:4815');
  });
});

describe('the dev-model overlay', () => {
  it.each(AGENTS)(
    'gives the %s agent the model settings and the key as a file only its group reads',
    (agent) => {
      const workload = deployment(devModel, agent);
      const container = onlyContainer(workload);
      expect(container.envFrom?.map((from) => from.configMapRef?.name)).toEqual([
        expect.stringMatching(/^swarm-settings-/),
        'swarm-model',
      ]);
      const mount = container.volumeMounts?.find((m) => m.mountPath === '/run/secrets/model');
      const volume = workload.template.spec.volumes?.find((v) => v.name === mount?.name);
      expect(volume?.secret).toEqual({ secretName: 'swarm-model-key', optional: true, defaultMode: 0o440 });
      expect(workload.template.spec.securityContext?.fsGroup).toBe(10001);
    },
  );

  it('names a model in ConfigMap swarm-model and lets the agents reach it', () => {
    const model = dataOf(findObject(devModel, 'ConfigMap', 'swarm-model'));
    expect(model['SWARM_MODEL']).toMatch(/^openai-compatible:/);
    expect(model['SWARM_MODEL_BASE_URL']).toMatch(/^http:\/\//);
    expect(findObject(devModel, 'NetworkPolicy', 'agents-model').metadata.name).toBe('agents-model');
    expect(() => findObject(dev, 'NetworkPolicy', 'agents-model')).toThrow(/no NetworkPolicy named/);
  });
});
