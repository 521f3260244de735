import AjvCompiler from '@fastify/ajv-compiler';
import { LogController, type FastifyServerOptions } from 'fastify';
import { answerClientError } from './client-error.ts';
import { sendError } from './send-error.ts';

type AjvOptions = NonNullable<NonNullable<FastifyServerOptions['ajv']>['customOptions']>;

/**
 * Report every problem at once (the seeds' `detail[]` lists them all), never drop unknown
 * properties silently (a schema with `additionalProperties: false` must answer
 * `extra_forbidden`), fill defaults, and keep the failing value on each error (`verbose`)
 * so the error mapper can tell `int_parsing` from `int_type`. `allErrors` costs more on
 * hostile input; the body limit bounds it.
 */
const shared: AjvOptions = { allErrors: true, removeAdditional: false, useDefaults: true, verbose: true };

/** JSON bodies are typed already: `{"name": 5}` is a `string_type` error, not `"5"`. */
export const bodyAjvOptions: AjvOptions = { ...shared, coerceTypes: false };

/** Query, path and header values arrive as strings: `?page=2` becomes 2, `?tag=a` becomes `["a"]`. */
export const parameterAjvOptions: AjvOptions = { ...shared, coerceTypes: 'array' };

/** Bodies validated strictly, parameters with coercion; formats (`email`, `uri`, …) via ajv-formats. */
function schemaController(): FastifyServerOptions['schemaController'] {
  // one pool per server, so two servers in one process never share compiled `$id`s
  const pool = AjvCompiler();
  return {
    compilersFactory: {
      buildValidator: (externalSchemas, serverAjv) => {
        const customOptions = serverAjv?.mode === 'JTD' ? {} : serverAjv?.customOptions;
        const plugins = serverAjv?.plugins;
        const body = pool(externalSchemas, { plugins, customOptions: { ...customOptions, ...bodyAjvOptions } });
        const parameters = pool(externalSchemas, { plugins, customOptions: { ...customOptions, ...parameterAjvOptions } });
        return (route) => (route.httpPart === 'body' ? body(route) : parameters(route));
      },
    },
  };
}

/**
 * Fastify server options every HTTP server of ours uses, spread into the constructor:
 * `Fastify({ ...httpServerOptions(), loggerInstance })`, then `register(errorHandling)`.
 * - `schemaController`: validation as `errorHandling` maps it (see the ajv options above;
 *   `ajv.customOptions` of the server are kept except where these override them);
 * - `frameworkErrors`: the router's own rejections (malformed URL, over-long parameter)
 *   answered with the envelope too;
 * - `clientErrorHandler`: requests Node cannot parse (headers over the limit: 431) answered
 *   with the envelope on the raw socket;
 * - `logController`: Fastify's request log lines carry `request_id`.
 * Leave `requestIdHeader` unset: it would bypass the check on the caller's `x-request-id`.
 */
export function httpServerOptions(): Pick<FastifyServerOptions, 'schemaController' | 'frameworkErrors' | 'logController' | 'clientErrorHandler'> {
  return {
    clientErrorHandler: answerClientError,
    schemaController: schemaController(),
    frameworkErrors: (error, request, reply) => {
      sendError(error, request, reply);
    },
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
  };
}
