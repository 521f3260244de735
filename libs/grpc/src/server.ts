import * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import type { Logger } from 'pino';
import { splitPath } from './metadata.ts';
import { attachLogger } from './unary.ts';

/** The handler type each method of a service definition needs (the `<Name>Service` consts of ts-proto). */
export type ImplementationOf<D> = {
  [K in keyof D]: D[K] extends grpc.MethodDefinition<infer Req, infer Res>
    ? D[K] extends { requestStream: true }
      ? D[K] extends { responseStream: true }
        ? grpc.handleBidiStreamingCall<Req, Res>
        : grpc.handleClientStreamingCall<Req, Res>
      : D[K] extends { responseStream: true }
        ? grpc.handleServerStreamingCall<Req, Res>
        : grpc.handleUnaryCall<Req, Res>
    : never;
};

export interface GrpcServerOptions {
  /** The app's name (e.g. `partners`); also a health service name. */
  serviceName: string;
  host: string;
  /** 0 picks a free port (tests); `start()` returns the bound one. */
  port: number;
  logger: Logger;
  /** Extra grpc-js server options, merged over the defaults below. */
  serverOptions?: grpc.ServerOptions;
}

export interface GrpcServer {
  readonly server: grpc.Server;
  /** Registers a service; before `start()` only. */
  add<D extends grpc.ServiceDefinition>(definition: D, implementation: ImplementationOf<D>): void;
  /** Binds, marks every health name SERVING, resolves to the bound port. */
  start(): Promise<number>;
  /** Marks NOT_SERVING, lets running calls finish for up to `graceMs`, then cuts the rest. */
  stop(graceMs?: number): Promise<void>;
  /** Health of "" (the whole server), `serviceName` and every added service's full name. */
  setServing(ok: boolean): void;
}

const DEFAULT_SERVER_OPTIONS: grpc.ServerOptions = {
  // Clients ping every 30 s while calls run (see client.ts); allow that without GOAWAY.
  'grpc.keepalive_time_ms': 60_000,
  'grpc.keepalive_timeout_ms': 20_000,
  'grpc.keepalive_permit_without_calls': 1,
};

export function createGrpcServer(options: GrpcServerOptions): GrpcServer {
  const server = new grpc.Server({ ...DEFAULT_SERVER_OPTIONS, ...options.serverOptions });
  const logger = options.logger.child({ component: 'grpc', service: options.serviceName });
  const healthNames = new Set(['', options.serviceName]);
  const health = new HealthImplementation();
  health.addToServer(server);
  let started = false;
  let serving = false;

  const setServing = (ok: boolean) => {
    serving = ok;
    for (const name of healthNames) health.setStatus(name, ok ? 'SERVING' : 'NOT_SERVING');
  };
  setServing(false);

  return {
    server,
    add(definition, implementation) {
      if (started) throw new Error('GrpcServer.add() must be called before start()');
      const handlers: grpc.UntypedServiceImplementation = {};
      for (const [name, handler] of Object.entries(implementation as Record<string, grpc.UntypedHandleCall>)) {
        handlers[name] = withLogger(handler, logger);
      }
      server.addService(definition, handlers);
      const first = Object.values(definition)[0];
      if (first) {
        healthNames.add(splitPath(first.path).service);
        setServing(serving);
      }
    },
    async start() {
      const address = `${options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host}:${options.port}`;
      const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, bound) =>
          error ? reject(error) : resolve(bound),
        );
      });
      started = true;
      setServing(true);
      logger.info({ host: options.host, port }, 'grpc server listening');
      return port;
    },
    async stop(graceMs = 5_000) {
      setServing(false);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      logger.info('grpc server stopped');
    },
    setServing,
  };
}

/** Lets `unary` find this server's logger for the call (handlers are plain functions). */
function withLogger(handler: grpc.UntypedHandleCall, logger: Logger): grpc.UntypedHandleCall {
  const invoke = handler as (call: object, ...rest: unknown[]) => void;
  const wrapped = (call: object, ...rest: unknown[]) => {
    attachLogger(call, logger);
    invoke(call, ...rest);
  };
  return wrapped as grpc.UntypedHandleCall;
}
