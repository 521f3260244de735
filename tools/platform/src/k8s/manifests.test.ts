import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { platformApps, serviceApps } from '../apps.ts';
import { repoRoot } from '../repo-paths.ts';
import { baseFiles } from './base-files.ts';
import { platformImage } from './labels.ts';

interface Container {
  image: string;
  ports: Array<{ name: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string }>;
  livenessProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
  startupProbe?: { httpGet: { path: string; port: string } };
  resources?: { requests?: object; limits?: object };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: {
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } } };
    scaleTargetRef?: { kind: string; name: string };
    ports?: Array<{ name: string; targetPort: string }>;
  };
}

const baseDir = join(repoRoot, 'k8s', 'base');
const files = readdirSync(join(baseDir, 'apps')).map((f) => join(baseDir, 'apps', f));
const manifests: Manifest[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    expect(doc.errors, file).toEqual([]);
    return doc.toJS() as Manifest;
  }),
);
const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

describe('k8s/base', () => {
  it('is what the generator writes (run `npm run k8s -w @scai/platform` after changing it)', () => {
    for (const [path, content] of Object.entries(baseFiles())) {
      expect(readFileSync(join(baseDir, path), 'utf8'), path).toBe(content);
    }
  });

  it('has a Deployment, Service, HPA and PDB per app and a migration Job per database', () => {
    for (const app of platformApps) {
      for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
        expect(find(kind, app.name), `${kind} ${app.name}`).toBeDefined();
      }
    }
    for (const app of serviceApps) expect(find('Job', `${app.name}-migrate`), app.name).toBeDefined();
  });

  it('probes /healthz and /readyz on the ops port (the gateway on its own port)', () => {
    for (const app of platformApps) {
      const container = find('Deployment', app.name)!.spec.template!.spec.containers[0];
      const portName = app.kind === 'gateway' ? 'http' : 'ops';
      const expectedPort = app.kind === 'gateway' ? app.port : app.opsPort;
      expect(container.ports.find((p) => p.name === portName)?.containerPort, app.name).toBe(expectedPort);
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: portName });
      expect(container.startupProbe?.httpGet).toEqual({ path: '/healthz', port: portName });
      // The gateway's /readyz: its token revocation view is loaded and NATS connected.
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: portName });
      if (app.kind === 'service') {
        expect(container.env?.find((e) => e.name === 'OPS_PORT')?.value).toBe(String(app.opsPort));
        expect(container.env?.find((e) => e.name === 'GRPC_PORT')?.value).toBe(String(app.grpcPort));
      }
    }
  });

  it('runs one image everywhere, non-root, read-only, with resources', () => {
    for (const m of manifests.filter((x) => x.spec.template)) {
      const pod = m.spec.template!.spec;
      expect(pod.securityContext?.runAsNonRoot, m.metadata.name).toBe(true);
      for (const c of pod.containers) {
        expect(c.image).toBe(platformImage);
        expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
        expect(c.resources?.requests).toBeDefined();
        expect(c.resources?.limits).toBeDefined();
      }
    }
  });

  it('agrees on labels: selectors match pods, Services and PDBs select them, HPAs scale them', () => {
    for (const app of platformApps) {
      const deployment = find('Deployment', app.name)!;
      const selector = deployment.spec.selector!.matchLabels!;
      expect(deployment.spec.template!.metadata.labels).toMatchObject(selector);
      expect(selector['app.kubernetes.io/name']).toBe(app.name);
      const svc = find('Service', app.name)!;
      expect(svc.spec.selector).toEqual(selector);
      const portNames = deployment.spec.template!.spec.containers[0].ports.map((p) => p.name);
      for (const p of svc.spec.ports ?? []) expect(portNames).toContain(p.targetPort);
      expect(find('PodDisruptionBudget', app.name)!.spec.selector!.matchLabels).toEqual(selector);
      expect(find('HorizontalPodAutoscaler', app.name)!.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: app.name });
      for (const m of manifests.filter((x) => x.metadata.labels?.['app.kubernetes.io/name'] === app.name)) {
        expect(m.metadata.labels?.['app.kubernetes.io/part-of'], `${m.kind} ${m.metadata.name}`).toBe('scai');
      }
    }
  });
});
