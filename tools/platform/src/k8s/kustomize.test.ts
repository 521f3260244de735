import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { platformApps, serviceApps } from '../apps.ts';
import { repoRoot } from '../repo-paths.ts';

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Rendered {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { template?: { spec: { containers: Array<{ image: string }> } } };
}

function build(overlay: string): Rendered[] {
  const out = execFileSync('kubectl', ['kustomize', join(repoRoot, 'k8s', 'overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => d.toJS() as Rendered);
}

// kubectl comes from Debian's `kubectl` package; without it this file is skipped (the
// manifests are still checked by manifests.test.ts).
describe.skipIf(!hasKubectl())('kubectl kustomize', () => {
  it.each([
    ['local', 'scai-platform:local'],
    ['production', 'ghcr.io/scai/platform:0.1.0'],
  ])('builds the %s overlay', (overlay, image) => {
    const docs = build(overlay);
    const count = (kind: string) => docs.filter((d) => d.kind === kind).length;
    expect(count('Deployment')).toBe(platformApps.length);
    expect(count('Service')).toBe(platformApps.length);
    expect(count('HorizontalPodAutoscaler')).toBe(platformApps.length);
    expect(count('PodDisruptionBudget')).toBe(platformApps.length);
    expect(count('Job')).toBe(serviceApps.length);
    expect(count('ConfigMap')).toBe(1);
    for (const doc of docs.filter((d) => d.kind !== 'Namespace')) expect(doc.metadata.namespace, doc.metadata.name).toBe('scai');
    for (const doc of docs) {
      for (const c of doc.spec?.template?.spec.containers ?? []) expect(c.image).toBe(image);
    }
  });
});
