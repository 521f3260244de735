import { expect } from 'vitest';
import type { GatewayApp } from '../types.ts';

export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object;
}

/**
 * The common auth cases every protected route must pass: 401 `unauthorized` without a
 * token, 403 `forbidden` with a valid token that lacks the route's requirement, and no
 * service called in either case (`calls` is what the fake clients recorded).
 */
export async function expectAuthRefusals(gateway: GatewayApp, route: RouteCase, weakToken: string, calls: unknown[]): Promise<void> {
  const none = await gateway.inject({ ...route });
  expect(none.statusCode).toBe(401);
  expect(none.json().error.code).toBe('unauthorized');
  const weak = await gateway.inject({ ...route, headers: { authorization: `Bearer ${weakToken}` } });
  expect(weak.statusCode).toBe(403);
  expect(weak.json().error.code).toBe('forbidden');
  expect(calls).toEqual([]);
}
