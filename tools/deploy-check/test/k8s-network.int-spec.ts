import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { K8sObject } from '../src/index.js';
import { AGENTS, findObject, GATEWAY, natsUsers, ofKind, SERVICES } from '../src/index.js';
import type { NetworkPolicySpec, PolicyPeer, PolicyRule, ServiceSpec, Workload } from './k8s-shapes.js';
import { dataOf, onlyContainer, selects, specOf } from './k8s-shapes.js';
import { render, REPO_ROOT } from './render.js';

const objects = render('k8s/overlays/prod');
const policies = ofKind(objects, 'NetworkPolicy').map((p) => ({
  name: p.metadata.name,
  spec: specOf<NetworkPolicySpec>(p),
}));
const podLabels = (kind: string, name: string) =>
  specOf<Workload>(findObject(objects, kind, name)).template.metadata.labels;
const appliesTo = (labels: Readonly<Record<string, string>>, type: 'Ingress' | 'Egress') =>
  policies.filter(
    (p) => p.spec.policyTypes.includes(type) && selects(p.spec.podSelector.matchLabels, labels),
  );
const peerMatches = (peer: PolicyPeer, labels: Readonly<Record<string, string>>) => {
  if (peer.namespaceSelector || peer.ipBlock || !peer.podSelector) return false;
  const expressions = (peer.podSelector.matchExpressions ?? []) as {
    key: string;
    operator: string;
    values: string[];
  }[];
  return (
    selects(peer.podSelector.matchLabels, labels) &&
    expressions.every((e) => e.operator === 'In' && e.values.includes(labels[e.key] ?? ''))
  );
};
/** The TCP ports a pod may open to another pod of the namespace, as its egress rules allow. */
const egressPorts = (from: Readonly<Record<string, string>>, to: Readonly<Record<string, string>>) =>
  appliesTo(from, 'Egress')
    .flatMap((p) => p.spec.egress ?? [])
    .filter((rule: PolicyRule) => (rule.to ?? []).some((peer) => peerMatches(peer, to)))
    .flatMap((rule) => (rule.ports ?? []).map((port) => port.port));
const ingressPorts = (to: Readonly<Record<string, string>>, from: Readonly<Record<string, string>>) =>
  appliesTo(to, 'Ingress')
    .flatMap((p) => p.spec.ingress ?? [])
    .filter((rule: PolicyRule) => (rule.from ?? []).some((peer) => peerMatches(peer, from)))
    .flatMap((rule) => (rule.ports ?? []).map((port) => port.port));
const ipEgress = (labels: Readonly<Record<string, string>>) =>
  appliesTo(labels, 'Egress').flatMap((p) =>
    (p.spec.egress ?? []).filter((rule) => (rule.to ?? []).some((peer) => peer.ipBlock)),
  );

const nats = podLabels('StatefulSet', 'nats');
const jaeger = podLabels('Deployment', 'jaeger');
const cli = { 'app.kubernetes.io/component': 'cli' };

describe('network policies', () => {
  it('deny all traffic in the namespace unless a policy allows it', () => {
    const deny = policies.find((p) => p.name === 'default-deny')?.spec;
    expect(deny).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  it.each(AGENTS)('let the %s agent reach NATS on 4222 and Jaeger on 4318 only', (agent) => {
    const labels = podLabels('Deployment', agent);
    expect(egressPorts(labels, nats)).toEqual([4222]);
    expect(ingressPorts(nats, labels)).toContain(4222);
    expect(egressPorts(labels, jaeger)).toEqual([4318]);
    expect(ingressPorts(jaeger, labels)).toEqual([4318]);
    for (const other of AGENTS) expect(egressPorts(labels, podLabels('Deployment', other))).toEqual([]);
  });

  it('let the gateway reach NATS on 4222 and Jaeger on 4318, and no agent', () => {
    const gateway = podLabels('Deployment', GATEWAY);
    expect(egressPorts(gateway, nats)).toEqual([4222]);
    expect(ingressPorts(nats, gateway)).toEqual([4222]);
    expect(egressPorts(gateway, jaeger)).toEqual([4318]);
    expect(ingressPorts(jaeger, gateway)).toEqual([4318]);
    for (const agent of AGENTS) {
      expect(egressPorts(gateway, podLabels('Deployment', agent))).toEqual([]);
      expect(ingressPorts(podLabels('Deployment', agent), gateway)).toEqual([]);
    }
  });

  it('let HTTP reach the gateway on 8080 from the ingress controller only, and from no pod of the namespace', () => {
    const rules = appliesTo(podLabels('Deployment', GATEWAY), 'Ingress').flatMap((p) => p.spec.ingress ?? []);
    expect(rules.flatMap((rule) => rule.from ?? [])).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
    ]);
    expect(rules.flatMap((rule) => (rule.ports ?? []).map((p) => p.port))).toEqual([8080]);
    for (const service of SERVICES)
      expect(ingressPorts(podLabels('Deployment', GATEWAY), podLabels('Deployment', service))).toEqual([]);
  });

  it("let the gateway fetch the OIDC issuer's keys from public addresses on 443 only", () => {
    const [rule, ...more] = ipEgress(podLabels('Deployment', GATEWAY));
    expect(more).toEqual([]);
    expect(rule?.to?.[0]?.ipBlock?.cidr).toBe('0.0.0.0/0');
    expect(rule?.to?.[0]?.ipBlock?.except).toEqual(
      expect.arrayContaining(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16']),
    );
    expect(rule?.ports?.map((p) => p.port)).toEqual([443]);
  });

  it.each(AGENTS.filter((agent) => agent !== 'scraper'))('keep the %s agent off the web', (agent) => {
    expect(ipEgress(podLabels('Deployment', agent))).toEqual([]);
  });

  it('let the scraper fetch public web addresses on 80 and 443, never private ranges or cloud metadata', () => {
    const [rule, ...more] = ipEgress(podLabels('Deployment', 'scraper'));
    expect(more).toEqual([]);
    expect(rule?.to?.[0]?.ipBlock?.cidr).toBe('0.0.0.0/0');
    expect(rule?.to?.[0]?.ipBlock?.except).toEqual(
      expect.arrayContaining(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16']),
    );
    expect(rule?.ports?.map((p) => p.port).sort()).toEqual([443, 80]);
  });

  it('let the CLI reach NATS, and the NATS nodes reach each other on the route port', () => {
    expect(egressPorts(cli, nats)).toEqual([4222]);
    expect(ingressPorts(nats, cli)).toEqual([4222]);
    expect(egressPorts(nats, nats)).toEqual([6222]);
    expect(ingressPorts(nats, nats)).toEqual([6222, 8222]);
  });

  it('let KEDA read lag from the NATS monitoring port', () => {
    const fromKeda = appliesTo(nats, 'Ingress')
      .flatMap((p) => p.spec.ingress ?? [])
      .filter((rule) =>
        rule.from?.some(
          (peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'keda',
        ),
      );
    expect(fromKeda.flatMap((rule) => rule.ports?.map((p) => p.port))).toEqual([8222]);
  });

  it('let every pod resolve names through the cluster DNS', () => {
    const dns = policies.find((p) => p.name === 'allow-dns')?.spec;
    expect(dns?.podSelector).toEqual({});
    expect(dns?.egress?.[0]?.ports?.map((p) => p.port)).toEqual([53, 53]);
  });
});

describe('the NATS StatefulSet', () => {
  const statefulSet = specOf<Workload>(findObject(objects, 'StatefulSet', 'nats'));
  const config = ofKind(objects, 'ConfigMap').find((c) =>
    c.metadata.name.startsWith('nats-config-'),
  ) as K8sObject;
  const deployFile = (name: string) => readFileSync(path.join(REPO_ROOT, 'deploy/nats', name), 'utf8');

  it('mounts the cluster config of deploy/nats, byte for byte', () => {
    expect(dataOf(config)['nats-cluster.conf']).toBe(deployFile('nats-cluster.conf'));
    expect(dataOf(config)['auth.conf']).toBe(deployFile('auth.conf'));
    expect(onlyContainer(statefulSet).args).toEqual(['-c', '/etc/nats/nats-cluster.conf']);
    expect(statefulSet.template.spec.volumes?.find((v) => v.name === 'config')?.configMap?.name).toBe(
      config.metadata.name,
    );
  });

  it('routes to every node through its headless service', () => {
    const headless = specOf<ServiceSpec>(findObject(objects, 'Service', statefulSet.serviceName ?? ''));
    expect(headless.clusterIP).toBe('None');
    const routes = [...deployFile('nats-cluster.conf').matchAll(/nats:\/\/(\S+):6222/g)].map((m) => m[1]);
    const nodes = Array.from(
      { length: statefulSet.replicas ?? 0 },
      (_, i) => `nats-${i}.${statefulSet.serviceName}`,
    );
    expect(routes).toEqual(nodes);
    expect(headless.ports.map((p) => p.port)).toEqual(expect.arrayContaining([4222, 6222, 8222]));
  });

  it('names each node after its pod and gives it every user password from the Secret', () => {
    const env = onlyContainer(statefulSet).env ?? [];
    expect(deployFile('nats-cluster.conf')).toMatch(/^server_name: \$POD_NAME$/m);
    expect(env.find((e) => e.name === 'POD_NAME')).toBeDefined();
    for (const { user, passwordVariable } of natsUsers(deployFile('auth.conf'))) {
      expect(env.find((e) => e.name === passwordVariable)?.valueFrom?.secretKeyRef?.key).toBe(user);
    }
  });
});
