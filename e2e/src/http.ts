import { inject } from 'vitest';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** One call to the gateway over real HTTP; JSON in, JSON (or nothing) out. */
export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (options.rawBody !== undefined) {
    payload = options.rawBody;
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${inject('gatewayUrl')}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** The error envelope every non-2xx carries. */
export interface ErrorBody {
  error: { code: string; message: string; request_id: string; details?: Record<string, unknown> };
  detail?: { loc: (string | number)[]; msg: string; type: string }[];
}

export async function login(email: string, password: string): Promise<{ access_token: string; refresh_token: string; user: Record<string, unknown> }> {
  const response = await api<{ access_token: string; refresh_token: string; user: Record<string, unknown> }>('POST', '/api/v1/admin/auth/login', {
    body: { email, password },
  });
  if (response.status !== 200) throw new Error(`login ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function superAdminToken(): Promise<string> {
  return (await login(inject('adminEmail'), inject('adminPassword'))).access_token;
}

export function unique(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}
