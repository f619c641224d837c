import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { parseAllDocuments } from 'yaml';

import { readText, ROOT } from './workspace';

/* Just the fields the checks read; the manifests hold more. */

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  /** Workspace-relative path of the file it came from. */
  file: string;
  [field: string]: unknown;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

export interface EnvFromSource {
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
}

export interface Probe {
  httpGet?: { path: string; port: number | string };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
}

export interface PodSpec {
  containers: Container[];
  restartPolicy?: string;
  enableServiceLinks?: boolean;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  volumes?: { name: string; emptyDir?: unknown }[];
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: PodSpec;
}

export interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: unknown[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry) ? [relative(ROOT, path)] : [];
  });
}

/** Every YAML file under k8s/ (workspace-relative paths). */
export function k8sFiles(): string[] {
  return yamlFiles(join(ROOT, 'k8s')).sort();
}

/** Parses a (multi-document) YAML file; a syntax error throws with the file name. */
export function parseYamlFile(file: string): unknown[] {
  return parseAllDocuments(readText(file)).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as unknown;
  }).filter((doc) => doc !== null && doc !== undefined);
}

export function isKustomization(file: string): boolean {
  return /(^|\/)kustomization\.ya?ml$/.test(file);
}

export function loadManifests(files: string[]): Manifest[] {
  return files.filter((f) => !isKustomization(f)).flatMap((file) => parseYamlFile(file).map((doc) => ({ ...(doc as object), file }) as Manifest));
}

export function podTemplate(manifest: Manifest): PodTemplate {
  const spec = manifest['spec'] as { template: PodTemplate };
  return spec.template;
}

/** Resolves a probe/service port (number or container port name) to a number. */
export function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

export interface ResolvedEnv {
  /** Variables with the value the container gets (Secret values are the template's). */
  values: Record<string, string>;
  /** Variables that may be absent (optional references). */
  optional: Set<string>;
  /** References to ConfigMaps, Secrets or keys that the manifests do not define. */
  dangling: string[];
}

/** The environment a container gets from its env and envFrom, looked up in the given manifests. */
export function containerEnv(container: Container, manifests: Manifest[]): ResolvedEnv {
  const values: Record<string, string> = {};
  const optional = new Set<string>();
  const dangling: string[] = [];
  const source = (kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> | undefined => {
    const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
    if (!found) return undefined;
    return { ...((found['data'] as Record<string, string>) ?? {}), ...((found['stringData'] as Record<string, string>) ?? {}) };
  };
  for (const from of container.envFrom ?? []) {
    const [kind, ref] = from.configMapRef ? (['ConfigMap', from.configMapRef] as const) : (['Secret', from.secretRef] as const);
    if (!ref) continue;
    const data = source(kind, ref.name);
    if (!data) {
      if (!ref.optional) dangling.push(`${kind}/${ref.name}`);
      continue;
    }
    for (const [key, value] of Object.entries(data)) {
      values[key] = String(value);
      if (ref.optional) optional.add(key);
    }
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.configMapKeyRef ?? variable.valueFrom?.secretKeyRef;
    if (!ref) {
      values[variable.name] = variable.value ?? '';
      continue;
    }
    const kind = variable.valueFrom?.configMapKeyRef ? 'ConfigMap' : 'Secret';
    const value = source(kind, ref.name)?.[ref.key];
    if (value !== undefined) values[variable.name] = String(value);
    else if (!ref.optional) dangling.push(`${kind}/${ref.name}:${ref.key}`);
    if (ref.optional) optional.add(variable.name);
  }
  return { values, optional, dangling };
}
