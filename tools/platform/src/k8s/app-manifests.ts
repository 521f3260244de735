import { appSecrets } from '../dev-secrets.ts';
import type { PlatformApp, ServiceApp } from '../apps.ts';
import { appLabels, partOf, platformImage, selectorLabels } from './labels.ts';
import {
  appSecretName,
  containerSecurityContext,
  databaseUrlEnv,
  defaultResources,
  nodeCommand,
  platformConfigMap,
  podSecurityContext,
  tmpMount,
  tmpVolume,
} from './workload.ts';

export type Manifest = Record<string, unknown>;

interface PortSpec {
  name: string;
  containerPort: number;
}

/** The ports an app listens on; the first named `ops` or `http` is what the probes use. */
export function containerPorts(app: PlatformApp): PortSpec[] {
  if (app.kind === 'gateway') return [{ name: 'http', containerPort: app.port }];
  const ports = [
    { name: 'grpc', containerPort: app.grpcPort },
    { name: 'ops', containerPort: app.opsPort },
  ];
  if (app.httpPort !== undefined) ports.push({ name: 'http', containerPort: app.httpPort });
  return ports;
}

/** The port the kubelet probes: the ops port of a service, the gateway's own port. */
export function probePortName(app: PlatformApp): string {
  return app.kind === 'gateway' ? 'http' : 'ops';
}

/**
 * Readiness is `/readyz` everywhere: a service's database and NATS reachable; the
 * gateway's token revocation view loaded from the event stream and NATS connected (a
 * missing backend still answers 503 per request and does not make it unready).
 */
export const READINESS_PATH = '/readyz';

function appEnv(app: PlatformApp) {
  if (app.kind === 'gateway') {
    return [
      { name: 'GATEWAY_HOST', value: '0.0.0.0' },
      { name: 'GATEWAY_PORT', value: String(app.port) },
      { name: 'OTEL_SERVICE_NAME', value: app.name },
    ];
  }
  const env: Array<Record<string, unknown>> = [
    databaseUrlEnv(app),
    { name: 'GRPC_HOST', value: '0.0.0.0' },
    { name: 'GRPC_PORT', value: String(app.grpcPort) },
    { name: 'OPS_HOST', value: '0.0.0.0' },
    { name: 'OPS_PORT', value: String(app.opsPort) },
    { name: 'OTEL_SERVICE_NAME', value: app.name },
  ];
  if (app.httpPort !== undefined) {
    env.push({ name: `${app.envName}_HTTP_HOST`, value: '0.0.0.0' }, { name: `${app.envName}_HTTP_PORT`, value: String(app.httpPort) });
  }
  for (const [key, readers] of Object.entries(appSecrets)) {
    if (readers.includes(app.name)) env.push({ name: key, valueFrom: { secretKeyRef: { name: appSecretName(app.name), key } } });
  }
  return env;
}

function probe(path: string, port: string, extra: Record<string, number>) {
  return { httpGet: { path, port }, timeoutSeconds: 3, ...extra };
}

export function deployment(app: PlatformApp): Manifest {
  const port = probePortName(app);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app.name, labels: appLabels(app) },
    spec: {
      // The HPA owns the replica count; this is only the first rollout's.
      replicas: 2,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels(app) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: appLabels(app) },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurityContext,
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: app.name,
              image: platformImage,
              imagePullPolicy: 'IfNotPresent',
              command: nodeCommand(`apps/${app.name}/src/main.ts`),
              ports: containerPorts(app).map((p) => ({ ...p, protocol: 'TCP' })),
              envFrom: [{ configMapRef: { name: platformConfigMap } }],
              env: appEnv(app),
              resources: defaultResources,
              securityContext: containerSecurityContext,
              startupProbe: probe('/healthz', port, { periodSeconds: 2, failureThreshold: 60 }),
              livenessProbe: probe('/healthz', port, { periodSeconds: 10, failureThreshold: 3 }),
              readinessProbe: probe(READINESS_PATH, port, { periodSeconds: 5, failureThreshold: 2 }),
              volumeMounts: [tmpMount],
            },
          ],
          volumes: [tmpVolume],
        },
      },
    },
  };
}

export function service(app: PlatformApp): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app.name, labels: appLabels(app) },
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(app),
      ports: containerPorts(app).map((p) => ({
        name: p.name,
        port: p.containerPort,
        targetPort: p.name,
        protocol: 'TCP',
        ...(p.name === 'grpc' ? { appProtocol: 'grpc' } : { appProtocol: 'http' }),
      })),
    },
  };
}

export function horizontalPodAutoscaler(app: PlatformApp): Manifest {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: app.name, labels: appLabels(app) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
}

export function podDisruptionBudget(app: PlatformApp): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: app.name, labels: appLabels(app) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(app) } },
  };
}

/**
 * Creates the app's database when missing and applies its migrations (idempotent,
 * advisory-locked): completes before the new image rolls out (k8s/README.md).
 */
export function migrationJob(app: ServiceApp): Manifest {
  const labels = { 'app.kubernetes.io/name': app.name, 'app.kubernetes.io/component': 'migration', 'app.kubernetes.io/part-of': partOf };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${app.name}-migrate`, labels },
    spec: {
      backoffLimit: 4,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'OnFailure',
          automountServiceAccountToken: false,
          securityContext: podSecurityContext,
          containers: [
            {
              name: 'migrate',
              image: platformImage,
              imagePullPolicy: 'IfNotPresent',
              command: nodeCommand('libs/db/src/cli.ts', 'deploy', '--cwd', `apps/${app.name}`),
              env: [databaseUrlEnv(app)],
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '768Mi' } },
              securityContext: containerSecurityContext,
              volumeMounts: [tmpMount],
            },
          ],
          volumes: [tmpVolume],
        },
      },
    },
  };
}

/** Everything one app needs in the cluster, in apply order (a service's migrations first). */
export function appManifests(app: PlatformApp): Manifest[] {
  const workload = [deployment(app), service(app), horizontalPodAutoscaler(app), podDisruptionBudget(app)];
  return app.kind === 'service' ? [migrationJob(app), ...workload] : workload;
}
