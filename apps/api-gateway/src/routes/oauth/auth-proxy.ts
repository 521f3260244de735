import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestIdOf } from '@scai/http';

/** Authorization headers the gateway's bearer check must not see (HTTP Basic client auth). */
const stashedAuthorization = new WeakMap<FastifyRequest, string>();

/**
 * Prepares a plugin scope whose routes forward to the auth app's HTTP side unchanged:
 * bodies pass through as raw streams (form or JSON, never re-encoded), HTTP Basic client
 * credentials are kept away from the gateway's bearer-token hook and restored for the
 * upstream, and the client's address goes along in X-Forwarded-For.
 */
export async function useAuthProxy(scope: FastifyInstance, authHttpUrl: string): Promise<void> {
  await scope.register(replyFrom, { base: authHttpUrl, undici: { connections: 32 } });
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  scope.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined && !/^Bearer\s/i.test(authorization)) {
      stashedAuthorization.set(request, authorization);
      delete request.headers.authorization;
    }
  });
}

export function forwardToAuth(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.from(request.url, {
    rewriteRequestHeaders: (_original, headers) => {
      const out: Record<string, string | string[] | undefined> = { ...headers, 'x-request-id': requestIdOf(request) };
      const stashed = stashedAuthorization.get(request);
      if (stashed !== undefined) out.authorization = stashed;
      const forwardedFor = request.headers['x-forwarded-for'];
      out['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${request.socket.remoteAddress ?? ''}` : request.socket.remoteAddress;
      out['x-forwarded-proto'] = request.protocol;
      out['x-forwarded-host'] = request.host;
      return out;
    },
  });
}
