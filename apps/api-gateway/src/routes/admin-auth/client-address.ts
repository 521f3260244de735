import type { FastifyRequest } from 'fastify';

/**
 * The end user's address and agent, for throttling and audit. `request.ip` honours
 * X-Forwarded-For only from the proxies `TRUST_PROXY` names, so a client cannot pick its
 * own throttling key.
 */
export function clientOf(request: FastifyRequest): { clientIp: string; userAgent: string } {
  const agent = request.headers['user-agent'];
  return { clientIp: request.ip ?? '', userAgent: (Array.isArray(agent) ? agent[0] : agent ?? '').slice(0, 512) };
}
