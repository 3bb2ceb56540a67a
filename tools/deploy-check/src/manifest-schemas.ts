import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { Issuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { Ajv } from 'ajv';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import type { K8sObject } from './manifests.js';

/** A model class of `kubernetes-models`: built from an object, `validate()` throws on a schema violation. */
type ModelClass = new (data: never) => { validate(): void };

/**
 * The schema of every kind the manifests may contain: the Kubernetes OpenAPI schemas compiled by
 * `kubernetes-models`, KEDA's ScaledObject CRD schema compiled by `@kubernetes-models/keda`, and cert-manager's
 * Issuer and Certificate CRD schemas compiled by `@kubernetes-models/cert-manager`.
 */
const MODELS: Readonly<Record<string, ModelClass>> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'cert-manager.io/v1/Issuer': Issuer,
  'cert-manager.io/v1/Certificate': Certificate,
};

/**
 * KEDA's CRD types trigger metadata as a string map; this is what the `nats-jetstream` scaler reads (KEDA docs,
 * scalers/nats-jetstream). Unknown keys are refused so a misspelt parameter cannot be silently ignored.
 */
const NATS_JETSTREAM_TRIGGER = {
  type: 'object',
  additionalProperties: false,
  required: ['natsServerMonitoringEndpoint', 'account', 'stream', 'consumer', 'lagThreshold'],
  properties: {
    natsServerMonitoringEndpoint: { type: 'string', pattern: '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?:[0-9]{1,5}$' },
    account: { type: 'string', minLength: 1 },
    stream: { type: 'string', minLength: 1 },
    consumer: { type: 'string', minLength: 1 },
    lagThreshold: { type: 'string', pattern: '^[1-9][0-9]*$' },
    activationLagThreshold: { type: 'string', pattern: '^[0-9]+$' },
    useHttps: { enum: ['true', 'false'] },
  },
} as const;

const validateJetStreamTrigger = new Ajv({ allErrors: true, strict: true }).compile(NATS_JETSTREAM_TRIGGER);

/**
 * Validates one rendered object against the schema of its apiVersion and kind. Returns the violations (empty when
 * valid); an object of a kind with no known schema is a violation too, so nothing passes unchecked.
 */
export function schemaViolations(object: K8sObject): string[] {
  const id = `${object.kind}/${object.metadata.name}`;
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) return [`${id}: no schema for ${object.apiVersion} ${object.kind}`];
  const violations: string[] = [];
  try {
    new Model(object as never).validate();
  } catch (error) {
    violations.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (object.kind === 'ScaledObject') violations.push(...triggerViolations(object, id));
  return violations;
}

function triggerViolations(object: K8sObject, id: string): string[] {
  const spec = object['spec'] as { triggers?: { type?: string; metadata?: unknown }[] } | undefined;
  return (spec?.triggers ?? []).flatMap((trigger, index) => {
    if (trigger.type !== 'nats-jetstream') return [];
    if (validateJetStreamTrigger(trigger.metadata)) return [];
    return (validateJetStreamTrigger.errors ?? []).map(
      (error) => `${id}: triggers/${index}/metadata${error.instancePath} ${error.message ?? 'is invalid'}`,
    );
  });
}

/** The kinds `schemaViolations` knows, as `apiVersion/kind`. */
export const KNOWN_KINDS: readonly string[] = Object.keys(MODELS);
