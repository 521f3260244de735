import type { PlatformApp } from '../apps.ts';

/** The image every workload runs; overlays pin its registry and tag (kustomize `images`). */
export const platformImage = 'scai-platform';

export const partOf = 'scai';

export function componentOf(app: PlatformApp): 'gateway' | 'service' {
  return app.kind === 'gateway' ? 'gateway' : 'service';
}

/** Labels that select an app's pods: stable, so they never change under a running Deployment. */
export function selectorLabels(app: PlatformApp): Record<string, string> {
  return { 'app.kubernetes.io/name': app.name, 'app.kubernetes.io/component': componentOf(app) };
}

export function appLabels(app: PlatformApp): Record<string, string> {
  return { ...selectorLabels(app), 'app.kubernetes.io/part-of': partOf };
}
