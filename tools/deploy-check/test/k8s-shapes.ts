import type { K8sObject } from '../src/index.js';

/** The parts of rendered objects the manifest tests read (the schemas have validated the rest). */
export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef?: { readonly name: string; readonly key: string } };
}
export interface Probe {
  readonly httpGet?: { readonly path: string; readonly port: number | string };
}
export interface Container {
  readonly name: string;
  readonly image: string;
  readonly args?: readonly string[];
  readonly env?: readonly EnvVar[];
  readonly envFrom?: readonly { readonly configMapRef?: { readonly name: string } }[];
  readonly ports?: readonly { readonly name?: string; readonly containerPort: number }[];
  readonly readinessProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly resources?: {
    readonly requests?: Readonly<Record<string, string>>;
    readonly limits?: Readonly<Record<string, string>>;
  };
  readonly securityContext?: {
    readonly readOnlyRootFilesystem?: boolean;
    readonly allowPrivilegeEscalation?: boolean;
    readonly capabilities?: { readonly drop?: readonly string[] };
  };
  readonly volumeMounts?: readonly { readonly name: string; readonly mountPath: string }[];
}
export interface PodSpec {
  readonly containers: readonly Container[];
  readonly volumes?: readonly {
    readonly name: string;
    readonly emptyDir?: object;
    readonly configMap?: { name: string };
    readonly secret?: { secretName: string; optional?: boolean; defaultMode?: number };
  }[];
  readonly securityContext?: {
    readonly fsGroup?: number;
    readonly runAsNonRoot?: boolean;
    readonly seccompProfile?: { readonly type: string };
  };
}
export interface Workload {
  readonly replicas?: number;
  readonly serviceName?: string;
  readonly selector: { readonly matchLabels: Readonly<Record<string, string>> };
  readonly template: {
    readonly metadata: { readonly labels: Readonly<Record<string, string>> };
    readonly spec: PodSpec;
  };
  readonly volumeClaimTemplates?: readonly object[];
}
export interface ScaledObjectSpec {
  readonly scaleTargetRef: { readonly name: string };
  readonly minReplicaCount: number;
  readonly maxReplicaCount: number;
  readonly triggers: readonly {
    readonly type: string;
    readonly metadata: Readonly<Record<string, string>>;
  }[];
}
export interface ServiceSpec {
  readonly clusterIP?: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly ports: readonly {
    readonly name: string;
    readonly port: number;
    readonly targetPort: number | string;
  }[];
}
export interface HpaSpec {
  readonly scaleTargetRef: { readonly apiVersion: string; readonly kind: string; readonly name: string };
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly metrics: readonly { readonly type: string; readonly resource?: { readonly name: string } }[];
}
export interface IngressSpec {
  readonly tls: readonly { readonly hosts: readonly string[]; readonly secretName: string }[];
  readonly rules: readonly {
    readonly host: string;
    readonly http: { readonly paths: readonly object[] };
  }[];
}
export interface PolicyPeer {
  readonly podSelector?: {
    readonly matchLabels?: Readonly<Record<string, string>>;
    readonly matchExpressions?: readonly object[];
  };
  readonly namespaceSelector?: { readonly matchLabels?: Readonly<Record<string, string>> };
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}
export interface PolicyRule {
  readonly to?: readonly PolicyPeer[];
  readonly from?: readonly PolicyPeer[];
  readonly ports?: readonly { readonly protocol?: string; readonly port: number }[];
}
export interface NetworkPolicySpec {
  readonly podSelector: { readonly matchLabels?: Readonly<Record<string, string>> };
  readonly policyTypes: readonly string[];
  readonly ingress?: readonly PolicyRule[];
  readonly egress?: readonly PolicyRule[];
}

/** The `spec` of a rendered object, typed by what the caller reads. */
export function specOf<T>(object: K8sObject): T {
  return object['spec'] as T;
}

/** The `data` of a ConfigMap or Secret. */
export function dataOf(object: K8sObject): Readonly<Record<string, string>> {
  return (object['data'] ?? {}) as Record<string, string>;
}

/** The one container of a workload. Throws when there is not exactly one. */
export function onlyContainer(workload: Workload): Container {
  const [container, ...rest] = workload.template.spec.containers;
  if (!container || rest.length > 0) throw new Error('expected exactly one container');
  return container;
}

/** True when every label of `selector` is on `labels`. */
export function selects(
  selector: Readonly<Record<string, string>> | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
}
