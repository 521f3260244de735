import type { PlatformApp } from '../apps.ts';

/** Config and secrets every pod of the platform reads (created by the overlays). */
export const platformConfigMap = 'scai-platform-config';
export const databaseSecret = 'scai-database-urls';
/** The Secret holding an app's own secrets (`appSecrets` of dev-secrets.ts), created outside git in production. */
export const appSecretName = (app: string) => `scai-${app}-secrets`;

/** Pod-level hardening: a non-root user, the default seccomp profile. */
export const podSecurityContext = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** Container-level hardening: read-only root filesystem, no privileges, no capabilities. */
export const containerSecurityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  privileged: false,
  capabilities: { drop: ['ALL'] },
};

/** tsx keeps its transform cache in /tmp: the only writable path. */
export const tmpVolume = { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } };
export const tmpMount = { name: 'tmp', mountPath: '/tmp' };

export const defaultResources = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '1', memory: '512Mi' },
};

/** `node --import tsx <entry>`: how the image runs any TypeScript entry point. */
export function nodeCommand(entry: string, ...args: string[]): string[] {
  return ['node', '--import', 'tsx', entry, ...args];
}

/** The app's DATABASE_URL, from the database secret (key = app name). */
export function databaseUrlEnv(app: PlatformApp) {
  return { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: databaseSecret, key: app.name } } };
}
