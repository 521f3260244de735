import { send } from './send.ts';

/** Every `id` and `*_id` string in a JSON answer. */
function idsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => idsIn(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string' && (key === 'id' || key.endsWith('_id'))) into.add(field);
      else idsIn(field, into);
    }
  }
}

/**
 * Resources of every kind under two partners (P › A, Q › B), so generated path ids are
 * real ones of the right type, of another type, and of another tenant.
 */
export async function createFixtures(baseUrl: string, token: string): Promise<string[]> {
  const ids = new Set<string>();
  const tag = Math.random().toString(36).slice(2, 8);
  const post = async (path: string, body: unknown) => {
    const payload = JSON.stringify(body);
    const answer = await send(baseUrl, {
      method: 'POST',
      path,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) },
      body: payload,
    });
    if (answer.status >= 300) throw new Error(`fixture ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    const data = (JSON.parse(answer.text) as { data?: Record<string, unknown> }).data ?? JSON.parse(answer.text);
    idsIn(data, ids);
    return data as { id: string };
  };
  for (const side of ['p', 'q']) {
    const partner = await post('/api/v1/admin/partners/', { name: `Fuzz ${side} ${tag}`, contact_email: `${side}@fuzz.test` });
    const tenant = await post('/api/v1/admin/tenants', { partner_id: partner.id, name: `Fuzz tenant ${side} ${tag}`, contact_email: `${side}t@fuzz.test` });
    await post('/api/v1/admin/users', { email: `${side}-${tag}@fuzz.test`, tenant_id: tenant.id, roles: [{ role: 'tenant_admin', tenant_id: tenant.id }] });
    await post('/api/v1/admin/groups', { name: `fuzz ${side}`, tenant_id: tenant.id });
    const request = await post('/api/v1/admin/registration-requests/', {
      scope: 'TENANT',
      tenant_id: tenant.id,
      name: `fuzz app ${side}`,
      application_type: 'WEB',
      contact_email: `${side}a@fuzz.test`,
      redirect_uris: ['https://app.fuzz.test/callback'],
    });
    await post(`/api/v1/admin/registration-requests/${request.id}/approve`, {});
  }
  // The fuzzer must not suspend or re-role the admin it fuzzes as.
  const me = await send(baseUrl, { method: 'GET', path: '/api/v1/admin/auth/me', headers: { authorization: `Bearer ${token}` } });
  const own = new Set<string>();
  idsIn(JSON.parse(me.text), own);
  return [...ids].filter((id) => !own.has(id));
}
