import path from 'node:path';
import ts from 'typescript';
import type { K8sObject } from './manifests.js';

/** The TypeScript type of each kind, from the same packages as the schemas (`kubernetes-models`, KEDA's, cert-manager's). */
const TYPES: Readonly<Record<string, readonly [module: string, type: string]>> = {
  'v1/Namespace': ['kubernetes-models/v1/Namespace', 'INamespace'],
  'v1/ConfigMap': ['kubernetes-models/v1/ConfigMap', 'IConfigMap'],
  'v1/Secret': ['kubernetes-models/v1/Secret', 'ISecret'],
  'v1/Service': ['kubernetes-models/v1/Service', 'IService'],
  'apps/v1/Deployment': ['kubernetes-models/apps/v1/Deployment', 'IDeployment'],
  'apps/v1/StatefulSet': ['kubernetes-models/apps/v1/StatefulSet', 'IStatefulSet'],
  'policy/v1/PodDisruptionBudget': [
    'kubernetes-models/policy/v1/PodDisruptionBudget',
    'IPodDisruptionBudget',
  ],
  'networking.k8s.io/v1/NetworkPolicy': [
    'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
    'INetworkPolicy',
  ],
  'networking.k8s.io/v1/Ingress': ['kubernetes-models/networking.k8s.io/v1/Ingress', 'IIngress'],
  'autoscaling/v2/HorizontalPodAutoscaler': [
    'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    'IHorizontalPodAutoscaler',
  ],
  'keda.sh/v1alpha1/ScaledObject': ['@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject', 'IScaledObject'],
  'cert-manager.io/v1/Issuer': ['@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer', 'IIssuer'],
  'cert-manager.io/v1/Certificate': [
    '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate',
    'ICertificate',
  ],
};

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  types: [],
};

/**
 * Finds fields the API does not define (a misspelt `readinesProbe` passes the JSON schemas, which allow unknown
 * properties, but `kubectl apply` refuses it). Each object is type-checked as an object literal against its
 * kind's type definitions, whose excess-property check names every unknown field. `resolveFrom` is a directory
 * whose node_modules hold the type packages. Returns one violation per unknown field (empty when none).
 */
export function unknownFieldViolations(objects: readonly K8sObject[], resolveFrom: string): string[] {
  const known = objects.filter((object) => TYPES[`${object.apiVersion}/${object.kind}`]);
  const kinds = [...new Set(known.map((object) => `${object.apiVersion}/${object.kind}`))];
  const imports = kinds.map((kind) => {
    const [module, type] = TYPES[kind] ?? ['', ''];
    return `import type { ${type} } from '${module}';`;
  });
  const starts: number[] = [];
  let source = `${imports.join('\n')}\n`;
  known.forEach((object, index) => {
    starts.push(source.length);
    const type = TYPES[`${object.apiVersion}/${object.kind}`]?.[1] ?? 'never';
    source += `export const o${index} = ${JSON.stringify(object, null, 1)} satisfies ${type};\n`;
  });
  const file = path.join(resolveFrom, '__rendered-manifests__.ts');
  const host = ts.createCompilerHost(OPTIONS);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : readSource(name, language, ...rest);
  const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], OPTIONS, host));
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const index = starts.findLastIndex((start) => start <= (diagnostic.start ?? -1));
    const object = diagnostic.file?.fileName === file ? known[index] : undefined;
    return object ? `${object.kind}/${object.metadata.name}: ${message}` : message;
  });
}
