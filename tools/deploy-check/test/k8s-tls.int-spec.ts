import type { K8sObject } from '../src/index.js';
import {
  findObject,
  NATS_TLS_DIR,
  ofKind,
  readAccessConfig,
  SERVICES,
  tenantIdentities,
} from '../src/index.js';
import { dataOf, specOf } from './k8s-shapes.js';
import { KUSTOMIZATIONS, render, REPO_ROOT } from './render.js';

/** The parts of a pod template the TLS checks read. */
interface TlsPod {
  readonly template: {
    readonly spec: {
      readonly securityContext?: { readonly fsGroup?: number; readonly runAsGroup?: number };
      readonly containers: readonly {
        readonly volumeMounts?: readonly { name: string; mountPath: string; readOnly?: boolean }[];
      }[];
      readonly volumes?: readonly {
        readonly name: string;
        readonly secret?: { readonly secretName: string; readonly defaultMode?: number };
      }[];
    };
  };
}
/** The parts of a cert-manager Certificate and Issuer the checks read. */
interface CertificateSpec {
  readonly secretName: string;
  readonly isCA?: boolean;
  readonly commonName?: string;
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
  readonly uris?: readonly string[];
  readonly usages?: readonly string[];
  readonly issuerRef: { readonly name: string; readonly kind?: string };
}
interface IssuerSpec {
  readonly selfSigned?: object;
  readonly ca?: { readonly secretName: string };
}

const rendered = Object.fromEntries(KUSTOMIZATIONS.map((k) => [k, render(k)])) as Record<string, K8sObject[]>;
const OVERLAYS = KUSTOMIZATIONS.filter((k) => k.startsWith('k8s/overlays/'));
const TLS_FILES = ['ca.crt', 'tls.crt', 'tls.key'].map((file) => `${NATS_TLS_DIR}/${file}`);

/** The Secret a workload mounts at NATS_TLS_DIR, with its mode and whether the mount is read-only. */
function tlsMount(workload: TlsPod) {
  const { spec } = workload.template;
  const mount = spec.containers[0]?.volumeMounts?.find((m) => m.mountPath === NATS_TLS_DIR);
  const volume = spec.volumes?.find((v) => v.name === mount?.name);
  return { readOnly: mount?.readOnly, secret: volume?.secret, securityContext: spec.securityContext };
}
const clusterConfig = (objects: K8sObject[]) =>
  dataOf(ofKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('nats-config-'))!)[
    'nats-cluster.conf'
  ] ?? '';
const settings = (objects: K8sObject[]) =>
  dataOf(ofKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('swarm-settings-'))!);
/** nats-server's route check (verify_cert_and_check_known_urls): a DNS name, wildcard on the leftmost label. */
const namesHost = (dnsName: string, host: string) => {
  const name = dnsName.toLowerCase().split('.');
  const labels = host.toLowerCase().split('.');
  return (
    name.length === labels.length &&
    name.every((label, i) => (i === 0 && label === '*') || label === labels[i])
  );
};

describe.each(KUSTOMIZATIONS)('TLS in kubectl kustomize %s', (kustomization) => {
  const objects = rendered[kustomization]!;

  it('mounts Secret nats-tls read-only where nats-cluster.conf reads its certificates, for the nats group only', () => {
    const files = [...clusterConfig(objects).matchAll(/"(\/[^"]+\.(?:crt|key))"/g)].map((m) => m[1]);
    expect([...new Set(files)].sort()).toEqual(TLS_FILES);
    const nats = tlsMount(specOf<TlsPod>(findObject(objects, 'StatefulSet', 'nats')));
    expect(nats.secret).toEqual({ secretName: 'nats-tls', defaultMode: 0o440 });
    expect(nats.readOnly).toBe(true);
    expect(nats.securityContext?.fsGroup).toBe(1000);
  });

  it.each(SERVICES)(
    'gives %s its own client certificate where NATS_TLS_* point, and requires TLS',
    (agent) => {
      const mount = tlsMount(specOf<TlsPod>(findObject(objects, 'Deployment', agent)));
      expect(mount.secret).toEqual({ secretName: `nats-client-${agent}`, defaultMode: 0o440 });
      expect(mount.readOnly).toBe(true);
      expect(mount.securityContext?.fsGroup).toBe(mount.securityContext?.runAsGroup);
      const env = settings(objects);
      expect([env['NATS_TLS_CA'], env['NATS_TLS_CERT'], env['NATS_TLS_KEY']]).toEqual(TLS_FILES);
      expect(env['NATS_URL']).toMatch(/^tls:\/\//);
      expect(env['SWARM_REQUIRE_TLS']).toBe('true');
    },
  );
});

describe.each(OVERLAYS)('the tls component in %s', (overlay) => {
  const objects = rendered[overlay]!;
  const certificates = ofKind(objects, 'Certificate').map((c) => specOf<CertificateSpec>(c));
  const issuedAs = (secretName: string) => certificates.find((c) => c.secretName === secretName);

  it('issues every TLS Secret a workload mounts, from the swarm CA of a self-signed root', () => {
    const workloads = [...ofKind(objects, 'StatefulSet'), ...ofKind(objects, 'Deployment')];
    const mounted = workloads.flatMap((w) => tlsMount(specOf<TlsPod>(w)).secret?.secretName ?? []);
    expect(mounted.sort()).toEqual(['nats-tls', ...SERVICES.map((name) => `nats-client-${name}`)].sort());
    for (const secretName of [...mounted, 'nats-client-cli']) {
      expect(issuedAs(secretName)?.issuerRef).toMatchObject({ name: 'nats-ca', kind: 'Issuer' });
    }
    const ca = issuedAs(specOf<IssuerSpec>(findObject(objects, 'Issuer', 'nats-ca')).ca?.secretName ?? '');
    expect(ca?.isCA).toBe(true);
    const root = specOf<IssuerSpec>(findObject(objects, 'Issuer', ca?.issuerRef.name ?? ''));
    expect(root.selfSigned).toEqual({});
  });

  it('names the client service and every route host in the NATS certificate, which both serves and dials', () => {
    const server = issuedAs('nats-tls');
    const routeHosts = [...clusterConfig(objects).matchAll(/nats:\/\/([^:\s]+):6222/g)].map(
      (m) => m[1] ?? '',
    );
    expect(routeHosts).toHaveLength(3);
    for (const host of ['nats', ...routeHosts]) {
      expect((server?.dnsNames ?? []).filter((name) => namesHost(name, host))).not.toEqual([]);
    }
    expect(server?.usages).toEqual(expect.arrayContaining(['server auth', 'client auth']));
  });

  it('issues client certificates that name no host, so NATS refuses them as routes', () => {
    const clients = certificates.filter((c) => c.secretName.startsWith('nats-client-'));
    // One per identity of the shipped tenant in deploy/nats/access.json: the agents, the cli, the gateway and the
    // approvers.
    const users = tenantIdentities(readAccessConfig(REPO_ROOT).tenants[0]!).map((identity) => identity.user);
    expect(clients.map((c) => c.commonName).sort()).toEqual(users.sort());
    for (const client of clients) {
      expect([client.dnsNames, client.ipAddresses, client.uris]).toEqual([undefined, undefined, undefined]);
      expect(client.usages).toContain('client auth');
      expect(client.usages).not.toContain('server auth');
    }
  });
});
