import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createAdmin } from './fixtures.ts';
import { api, superAdminToken, unique } from './http.ts';
import { REDIRECT, signIn, SPA_SCOPES } from './oidc-flow.ts';
import { eventuallyMatching, type StreamEvent } from './stream-events.ts';

/** Polls the stream until an auth event matches. */
async function eventuallyFind(predicate: (event: StreamEvent) => boolean): Promise<StreamEvent> {
  const [found] = await eventuallyMatching(nc, 'auth', predicate);
  return found;
}

let nc: NatsConnection;
let root: string;

beforeAll(async () => {
  nc = await connect({ servers: inject('natsUrl') });
  root = await superAdminToken();
});

afterAll(async () => {
  await nc?.close();
});

describe('audit events of the OpenID providers reach JetStream', () => {
  it('publishes scai.auth.token.granted for a client_credentials grant', async () => {
    const created = await api<{ data: { id: string } }>('POST', '/api/v1/admin/registration-requests/', {
      token: root,
      body: { scope: 'GLOBAL', name: unique('audit-svc'), application_type: 'SERVICE', contact_email: 'svc@e2e.test', requested_scopes: ['services:read'] },
    });
    const approved = await api<{ data: { client_id: string; client_secret: string } }>('POST', `/api/v1/admin/registration-requests/${created.body.data.id}/approve`, { token: root, body: {} });
    const { client_id: clientId, client_secret: clientSecret } = approved.body.data;
    const response = await fetch(`${inject('gatewayUrl')}/api/v1/platform/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-request-id': 'e2e-audit-cc' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    expect(response.status).toBe(200);
    const { access_token: accessToken } = (await response.json()) as { access_token: string };

    const event = await eventuallyFind((candidate) => candidate.type === 'scai.auth.token.granted' && candidate.data.client_id === clientId);
    expect(event.data).toMatchObject({ grant_type: 'client_credentials', scope: 'services:read', issuer: `${inject('gatewayUrl')}/api/v1/platform/oauth`, request_id: 'e2e-audit-cc' });
    expect(event.data.client_ip).toEqual(expect.any(String));
    expect(JSON.stringify(event)).not.toContain(accessToken);
    expect(JSON.stringify(event)).not.toContain(clientSecret);
  });

  it('publishes scai.auth.signin.succeeded for a sign-in on the sign-in pages', async () => {
    const created = await api<{ data: { id: string } }>('POST', '/api/v1/admin/registration-requests/', {
      token: root,
      body: {
        scope: 'GLOBAL',
        name: unique('audit-spa'),
        application_type: 'SPA',
        contact_email: 'spa@e2e.test',
        redirect_uris: [REDIRECT],
        allowed_origins: ['https://spa.e2e.test'],
        requested_scopes: SPA_SCOPES,
      },
    });
    const approved = await api<{ data: { client_id: string } }>('POST', `/api/v1/admin/registration-requests/${created.body.data.id}/approve`, { token: root, body: {} });
    const clientId = approved.body.data.client_id;
    const user = await createAdmin('super_admin');
    const issuer = `${inject('gatewayUrl')}/api/v1/platform/oauth`;
    await signIn(issuer, clientId, user);

    const event = await eventuallyFind((candidate) => candidate.type === 'scai.auth.signin.succeeded' && candidate.data.user_id === user.id);
    expect(event.data).toMatchObject({ method: 'password', client_id: clientId, email: user.email, issuer });
    const granted = await eventuallyFind((candidate) => candidate.type === 'scai.auth.token.granted' && candidate.data.client_id === clientId);
    expect(granted.data).toMatchObject({ grant_type: 'authorization_code', subject: user.id });
  });
});
