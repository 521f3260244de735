import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { unavailable } from '@scai/api';
import { requestIdOf } from '@scai/http';

/** OAuth and sign-in bodies are a few hundred bytes; the gateway's own limit holds here too. */
const PROXIED_BODY_LIMIT = 1024 * 1024;

/** Authorization headers the gateway's bearer check must not see (HTTP Basic client auth). */
const stashedAuthorization = new WeakMap<FastifyRequest, string>();

/**
 * Prepares a plugin scope whose routes forward to the auth app's HTTP side unchanged:
 * bodies pass through byte for byte (form or JSON, never re-encoded), HTTP Basic client
 * credentials are kept away from the gateway's bearer-token hook and restored for the
 * upstream, and the client's address goes along in X-Forwarded-For. When the auth app
 * cannot be reached the caller gets 503 `unavailable` in the envelope.
 */
export async function useAuthProxy(scope: FastifyInstance, authHttpUrl: string): Promise<void> {
  await scope.register(replyFrom, { base: authHttpUrl, undici: { connections: 32 } });
  scope.removeAllContentTypeParsers();
  // Read whole (bytes unchanged) rather than streamed, so an oversized body is a 413 here, not upstream.
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PROXIED_BODY_LIMIT }, (_request, body, done) => done(null, body));
  scope.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined && !/^Bearer\s/i.test(authorization)) {
      stashedAuthorization.set(request, authorization);
      delete request.headers.authorization;
    }
  });
}

export function forwardToAuth(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Handed over as the body itself: reply-from would re-encode a JSON Buffer otherwise.
  const body = Buffer.isBuffer(request.body) && request.body.length > 0 ? request.body : undefined;
  return reply.from(request.url, {
    ...(body && { body, contentType: request.headers['content-type'] ?? 'application/octet-stream' }),
    onError: (failed) => failed.send(unavailable('The sign-in service is unavailable, try again shortly')),
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
