import { loadEnv } from '@lib/platform';

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { parseAllDocuments } from 'yaml';

import {
  containerEnv,
  isKustomization,
  k8sFiles,
  loadManifests,
  parseYamlFile,
  podTemplate,
  resolvePort,
  type Container,
  type Kustomization,
  type Manifest,
  type PodSpec,
} from './k8s';
import { APPS, ENV_CLASSES, envSpec, EXTRA_ENV, IMAGES, imageUser, migrateEnvClass, ROOT, SERVICES, type AppName } from './workspace';

const files = k8sFiles();
const baseFiles = files.filter((f) => f.startsWith('k8s/base/'));
const base = loadManifests(baseFiles);
const baseKustomization = parseYamlFile('k8s/base/kustomization.yaml')[0] as Kustomization;
const overlayKustomizations = files.filter((f) => f.startsWith('k8s/overlays/') && isKustomization(f));

function manifest(kind: string, name: string): Manifest {
  const found = base.filter((m) => m.kind === kind && m.metadata.name === name);
  if (found.length !== 1) throw new Error(`k8s/base has ${found.length} ${kind} named "${name}" (expected 1)`);
  return found[0];
}

function spec<T>(m: Manifest): T {
  return m['spec'] as T;
}

function onlyContainer(pod: PodSpec, where: string): Container {
  if (pod.containers.length !== 1) throw new Error(`${where}: expected one container, found ${pod.containers.length}`);
  return pod.containers[0];
}

function appContainer(app: AppName): Container {
  return onlyContainer(podTemplate(manifest('Deployment', app)).spec, `Deployment/${app}`);
}

function podLabels(app: AppName): Record<string, string> {
  return podTemplate(manifest('Deployment', app)).metadata?.labels ?? {};
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return Object.keys(selector ?? {}).length > 0 && Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
}

/** The port the app listens on: its env value in the Deployment, else its env class default. */
function listenPort(app: AppName): number {
  const variable = app === 'gateway' ? 'GATEWAY_PORT' : 'PROBE_PORT';
  const value = containerEnv(appContainer(app), base).values[variable] ?? envSpec(ENV_CLASSES[app]).defaults[variable];
  return Number(value);
}

function expectHardened(pod: PodSpec, where: string): void {
  expect({ where, ...pod.securityContext }).toMatchObject({
    where,
    runAsNonRoot: true,
    runAsUser: imageUser(),
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect({ where, enableServiceLinks: pod.enableServiceLinks, token: pod.automountServiceAccountToken }).toEqual({
    where,
    enableServiceLinks: false,
    token: false,
  });
  for (const container of pod.containers) {
    expect({ where, ...container.securityContext }).toMatchObject({
      where,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    // A read-only root file system still needs a writable /tmp.
    const tmp = container.volumeMounts?.find((v) => v.mountPath === '/tmp');
    expect(`${where} /tmp: ${Boolean(tmp && pod.volumes?.find((v) => v.name === tmp.name)?.emptyDir)}`).toBe(`${where} /tmp: true`);
  }
}

function expectResources(container: Container, where: string): void {
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory']) {
      expect(`${where} ${kind}.${resource}=${container.resources?.[kind]?.[resource] ?? 'unset'}`).not.toMatch(/=unset$/);
    }
  }
}

function expectEnvSatisfies(container: Container, envClass: Parameters<typeof envSpec>[0], where: string): void {
  const env = containerEnv(container, base);
  expect({ where, dangling: env.dangling }).toEqual({ where, dangling: [] });
  const { known, required } = envSpec(envClass);
  const guaranteed = Object.keys(env.values).filter((v) => !env.optional.has(v) && env.values[v] !== '');
  expect({ where, missing: [...required].filter((v) => !guaranteed.includes(v)) }).toEqual({ where, missing: [] });
  expect({ where, unknown: Object.keys(env.values).filter((v) => !known.has(v) && !EXTRA_ENV.has(v)) }).toEqual({
    where,
    unknown: [],
  });
  // The app's own validation, on the ConfigMap values and the Secret template's placeholders.
  expect(() => loadEnv(envClass, env.values)).not.toThrow();
}

describe('k8s/', () => {
  it('holds only well-formed manifests', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const m of loadManifests(files)) {
      expect(`${m.file}: ${m.apiVersion && m.kind && m.metadata?.name ? 'ok' : 'missing apiVersion, kind or metadata.name'}`).toBe(`${m.file}: ok`);
    }
  });

  it('base kustomization lists every file of the base, each once', () => {
    const listed = baseKustomization.resources ?? [];
    expect(new Set(listed).size).toBe(listed.length);
    const onDisk = baseFiles.filter((f) => !isKustomization(f)).map((f) => f.slice('k8s/base/'.length));
    expect([...listed].sort()).toEqual([...onDisk].sort());
  });

  it('base has the namespace its kustomization puts everything in, and no other', () => {
    const namespaces = base.filter((m) => m.kind === 'Namespace');
    expect(namespaces.map((n) => n.metadata.name)).toEqual([baseKustomization.namespace]);
    expect(base.filter((m) => m.metadata.namespace && m.metadata.namespace !== baseKustomization.namespace)).toEqual([]);
  });

  it('base sets the tag of every image (platform/<app>) through its kustomization', () => {
    const names = (baseKustomization.images ?? []).map((i) => i.name).sort();
    expect(names).toEqual(IMAGES.map((i) => `platform/${i}`).sort());
    const used = base
      .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
      .flatMap((m) => podTemplate(m).spec.containers.map((c) => c.image));
    expect(used.filter((image) => !names.includes(image))).toEqual([]);
  });

  describe.each(overlayKustomizations.map((f) => [f]))('overlay %s', (file) => {
    const overlay = parseYamlFile(file)[0] as Kustomization;
    const dir = dirname(file);

    it('refers to resources that exist and lists every file beside it', () => {
      for (const resource of overlay.resources ?? []) {
        const path = join(ROOT, dir, resource);
        const ok = existsSync(path) && (!statSync(path).isDirectory() || existsSync(join(path, 'kustomization.yaml')));
        expect(`${resource}: ${ok}`).toBe(`${resource}: true`);
      }
      const beside = files.filter((f) => dirname(f) === dir && !isKustomization(f)).map((f) => basename(f));
      expect(beside.filter((f) => !(overlay.resources ?? []).includes(f))).toEqual([]);
    });

    it('only renames images of the base', () => {
      const baseImages = (baseKustomization.images ?? []).map((i) => i.name);
      expect((overlay.images ?? []).map((i) => i.name).filter((n) => !baseImages.includes(n))).toEqual([]);
    });
  });

  describe.each(APPS.map((app) => [app]))('%s', (app) => {
    it('has a Deployment, a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget for its pods', () => {
      const labels = podLabels(app);
      const deployment = spec<{ selector: { matchLabels: Record<string, string> }; replicas?: number }>(manifest('Deployment', app));
      expect(selects(deployment.selector.matchLabels, labels)).toBe(true);
      expect(selects(spec<{ selector: Record<string, string> }>(manifest('Service', app)).selector, labels)).toBe(true);
      const hpa = spec<{ scaleTargetRef: object; minReplicas: number; maxReplicas: number }>(manifest('HorizontalPodAutoscaler', app));
      expect(hpa.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
      expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.maxReplicas).toBeGreaterThanOrEqual(hpa.minReplicas);
      // The HPA owns the replica count; a fixed one would be reset on every apply.
      expect(deployment.replicas).toBeUndefined();
      const pdb = spec<{ selector: { matchLabels: Record<string, string> }; maxUnavailable?: unknown; minAvailable?: unknown }>(
        manifest('PodDisruptionBudget', app),
      );
      expect(selects(pdb.selector.matchLabels, labels)).toBe(true);
      expect(pdb.maxUnavailable ?? pdb.minAvailable).toBeDefined();
    });

    it('selects only its own pods', () => {
      const selector = spec<{ selector: { matchLabels: Record<string, string> } }>(manifest('Deployment', app)).selector.matchLabels;
      for (const other of APPS.filter((a) => a !== app)) expect(selects(selector, podLabels(other))).toBe(false);
    });

    it('runs its own image with the image’s command', () => {
      const container = appContainer(app);
      expect(container.image).toBe(`platform/${app}`);
      expect(container.command).toBeUndefined();
      expect(container.args).toBeUndefined();
    });

    it('sets resource requests and limits', () => {
      expectResources(appContainer(app), `Deployment/${app}`);
    });

    it('runs as the image’s non-root user on a read-only root file system', () => {
      expectHardened(podTemplate(manifest('Deployment', app)).spec, `Deployment/${app}`);
    });

    it('gets every variable its env class requires from env, ConfigMaps and the Secret, and no unknown one', () => {
      expectEnvSatisfies(appContainer(app), ENV_CLASSES[app], `Deployment/${app}`);
    });
  });

  describe.each(SERVICES.map((svc) => [svc]))('service %s', (svc) => {
    it('is probed on its PROBE_PORT: liveness /healthz, readiness /readyz', () => {
      const container = appContainer(svc);
      const port = listenPort(svc);
      expect(container.ports?.map((p) => p.containerPort)).toEqual([port]);
      expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(resolvePort(container, container.livenessProbe?.httpGet?.port)).toBe(port);
      expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
      expect(resolvePort(container, container.readinessProbe?.httpGet?.port)).toBe(port);
    });

    it('exposes its probe port through its Service', () => {
      const ports = spec<{ ports: { port: number; targetPort: number | string }[] }>(manifest('Service', svc)).ports;
      const port = listenPort(svc);
      expect(ports.map((p) => [p.port, resolvePort(appContainer(svc), p.targetPort)])).toEqual([[port, port]]);
    });
  });

  describe('gateway', () => {
    it('listens on 0.0.0.0 and is probed on /api/v1/system/health at its GATEWAY_PORT', () => {
      const container = appContainer('gateway');
      const port = listenPort('gateway');
      expect(containerEnv(container, base).values.GATEWAY_HOST).toBe('0.0.0.0');
      expect(container.ports?.map((p) => p.containerPort)).toEqual([port]);
      for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe].filter(Boolean)) {
        expect(probe?.httpGet?.path).toMatch(/^\/api\/v1\/system\/health(\?level=basic)?$/);
        expect(resolvePort(container, probe?.httpGet?.port)).toBe(port);
      }
      expect(container.livenessProbe).toBeDefined();
      expect(container.readinessProbe).toBeDefined();
    });

    it('is reachable on 3000 through its Service', () => {
      const ports = spec<{ ports: { port: number; targetPort: number | string }[] }>(manifest('Service', 'gateway')).ports;
      expect(ports.map((p) => [p.port, resolvePort(appContainer('gateway'), p.targetPort)])).toEqual([[3000, listenPort('gateway')]]);
    });
  });

  describe('migrations Job', () => {
    const job = base.filter((m) => m.kind === 'Job');
    const pod = () => podTemplate(job[0]).spec;

    it('runs the migrations image’s own command (every service’s migrate.js run) once', () => {
      expect(job).toHaveLength(1);
      const container = onlyContainer(pod(), 'Job');
      expect(container.image).toBe('platform/migrations');
      expect(container.command).toBeUndefined();
      expect(container.args).toBeUndefined();
      expect(['Never', 'OnFailure']).toContain(pod().restartPolicy);
      expect(spec<{ backoffLimit?: number }>(job[0]).backoffLimit).toBeDefined();
    });

    it('gets what migrate.js validates, from the same Secret key as the services', () => {
      const container = onlyContainer(pod(), 'Job');
      expectEnvSatisfies(container, migrateEnvClass(), 'Job/migrations');
      const ref = (c: Container) => c.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
      for (const svc of SERVICES) expect(ref(appContainer(svc))).toEqual(ref(container));
    });

    it('sets resources and runs hardened like the apps', () => {
      expectResources(onlyContainer(pod(), 'Job'), 'Job/migrations');
      expectHardened(pod(), 'Job/migrations');
    });
  });

  describe('settings', () => {
    const consumers = base
      .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
      .flatMap((m) => podTemplate(m).spec.containers);

    it('the Secret is a template: every value is a CHANGE_ME placeholder, none base64-encoded', () => {
      const secrets = base.filter((m) => m.kind === 'Secret');
      expect(secrets.length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(secret['data']).toBeUndefined();
        for (const [key, value] of Object.entries((secret['stringData'] as Record<string, string>) ?? {})) {
          expect(`${key}=${value}`).toMatch(/CHANGE_ME/);
        }
      }
    });

    it('every Secret key and ConfigMap is used by some container', () => {
      const usedKeys = new Set(consumers.flatMap((c) => (c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.key).filter(Boolean)));
      const secretKeys = base.filter((m) => m.kind === 'Secret').flatMap((s) => Object.keys((s['stringData'] as object) ?? {}));
      expect(secretKeys.filter((k) => !usedKeys.has(k))).toEqual([]);
      const usedMaps = new Set(
        consumers.flatMap((c) => [
          ...(c.envFrom ?? []).map((f) => f.configMapRef?.name),
          ...(c.env ?? []).map((e) => e.valueFrom?.configMapKeyRef?.name),
        ]),
      );
      expect(base.filter((m) => m.kind === 'ConfigMap' && !usedMaps.has(m.metadata.name)).map((m) => m.metadata.name)).toEqual([]);
    });
  });

  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

  (kubectl ? it : it.skip)('kubectl kustomize builds the base and every overlay into namespaced objects', () => {
    for (const dir of ['k8s/base', ...overlayKustomizations.map((f) => dirname(f))]) {
      const build = spawnSync('kubectl', ['kustomize', dir], { cwd: ROOT, encoding: 'utf8' });
      expect(`${dir}: ${build.status} ${build.stderr}`).toBe(`${dir}: 0 `);
      const objects = parseAllDocuments(build.stdout).map((d) => d.toJS() as Manifest);
      const count = (kind: string) => objects.filter((o) => o.kind === kind).length;
      for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
        expect(`${dir} ${kind}: ${count(kind)}`).toBe(`${dir} ${kind}: ${APPS.length}`);
      }
      expect(count('Job')).toBe(1);
      expect(objects.filter((o) => o.kind !== 'Namespace' && !o.metadata.namespace).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
      for (const o of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
        for (const c of podTemplate(o).spec.containers) expect(c.image).toMatch(/:[\w.-]+$/);
      }
    }
  });
});
