import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { auditOf } from '../events/auth-events.ts';
import { clientAddress } from '../oidc/interactions.ts';
import { escapeHtml, messagePage, page, PAGE_HEADERS } from '../oidc/pages.ts';
import type { Invitations, OpenInvitation } from '../people/invitations.ts';

/** Public path of an invitation link (the gateway forwards it unchanged). */
export const INVITATIONS_PREFIX = '/api/v1/auth/invitations';
const BRAND = 'SCAI Platform';

function send(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).send(html);
}

function formPage(invitation: OpenInvitation, action: string, errors: string[] = []): string {
  const error = errors.length ? `<div class="error" role="alert"><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>` : '';
  return page(
    'Set your password',
    BRAND,
    `${error}<p>Welcome, <strong>${escapeHtml(invitation.displayName)}</strong>. Choose a password for <strong>${escapeHtml(invitation.email)}</strong>.</p>
<form method="post" action="${escapeHtml(action)}" autocomplete="off">
<input type="hidden" name="username" value="${escapeHtml(invitation.email)}" autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password" required autofocus autocomplete="new-password">
<label for="password_confirmation">Repeat the password</label><input id="password_confirmation" name="password_confirmation" type="password" required autocomplete="new-password">
<button type="submit">Set password</button>
</form>`,
  );
}

const gone = (reply: FastifyReply) =>
  send(reply, 404, messagePage('Invitation not valid', BRAND, 'This invitation link is invalid, has expired or was already used. Ask your administrator for a new one.'));

/**
 * The page an invitation link opens: a server-rendered form (no script) where the person
 * sets their password, once. The token in the path is the only credential; the page is
 * never cached nor framed and sends no referrer, so the token does not leak onwards.
 */
export async function invitationPages(app: FastifyInstance, options: { invitations: Invitations }): Promise<void> {
  await app.register(formbody);
  const { invitations } = options;

  app.get<{ Params: { token: string } }>(`${INVITATIONS_PREFIX}/:token`, async (request, reply) => {
    const invitation = await invitations.open(request.params.token);
    if (!invitation) return gone(reply);
    return send(reply, 200, formPage(invitation, `${INVITATIONS_PREFIX}/${request.params.token}`));
  });

  app.post<{ Params: { token: string }; Body: Record<string, unknown> | undefined }>(`${INVITATIONS_PREFIX}/:token`, async (request, reply) => {
    const body = request.body ?? {};
    const password = typeof body.password === 'string' ? body.password : '';
    const confirmation = typeof body.password_confirmation === 'string' ? body.password_confirmation : '';
    const audit = auditOf(null, requestIdOf(request), clientAddress(request), request.headers['user-agent'] ?? null);
    try {
      await invitations.accept(request.params.token, { password, confirmation }, audit);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'not_found') return gone(reply);
      if (error.code !== 'validation_error') throw error;
      const invitation = await invitations.open(request.params.token);
      if (!invitation) return gone(reply);
      const messages = (error.issues ?? []).map((issue) => issue.msg);
      return send(reply, 422, formPage(invitation, `${INVITATIONS_PREFIX}/${request.params.token}`, messages));
    }
    return send(reply, 200, messagePage('Password set', BRAND, 'Your password is set. You can now sign in with your e-mail address and this password.'));
  });
}
