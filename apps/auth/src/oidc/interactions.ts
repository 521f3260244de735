import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Interaction } from 'oidc-provider';
import { AppError, notFound } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { auditOf } from '../events/auth-events.ts';
import { signInSucceededEvent, type OidcAudit, type SignInMethod } from '../events/oidc-events.ts';
import type { AuthDeps } from '../services/deps.ts';
import { Mfa } from '../mfa/mfa.ts';
import { continueStep, enrollStep, startMfaStep, verifyStep, type MfaStepContext, type StepOutcome } from '../mfa/mfa-interaction.ts';
import { checkPassword, recordSignIn } from '../services/password-check.ts';
import type { UserWithRoles } from '../store/users.ts';
import { brandName, isTenantSlug, PLATFORM_OAUTH_PREFIX, TENANT_ISSUER_PREFIX } from './issuer.ts';
import { consentPage, messagePage, PAGE_HEADERS, signInPage } from './pages.ts';
import { mayUseIssuer } from './provider-config.ts';
import type { IssuerProvider, ProviderRegistry } from './provider-registry.ts';

export interface InteractionOptions {
  registry: ProviderRegistry;
  deps: AuthDeps;
}

interface Params {
  slug?: string;
  uid: string;
}

/**
 * The client's address as the gateway saw it: the last X-Forwarded-For entry (the ones
 * before it are whatever the client sent), else the socket's peer.
 */
export function clientAddress(request: FastifyRequest): string | null {
  const forwarded = request.headers['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((part) => part.trim()).filter(Boolean);
  return list.at(-1) ?? request.socket.remoteAddress ?? null;
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).send(html);
}

/** Scopes the consent prompt asks for (OIDC scopes and API scopes). */
function requestedScopes(interaction: Interaction): string[] {
  const details = interaction.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
  return [...new Set([...(details.missingOIDCScope ?? []), ...Object.values(details.missingResourceScopes ?? {}).flat()])];
}

/**
 * The sign-in and consent pages of the authorization flow (oidc-provider interactions),
 * under each issuer: `{issuer path}/interaction/{uid}`. The interaction's cookie (signed,
 * SameSite=Lax, scoped to this path) must name the same uid as the URL, so a form posted
 * from another site or for another flow is refused.
 */
export async function interactionRoutes(app: FastifyInstance, options: InteractionOptions): Promise<void> {
  await app.register(formbody);
  const { registry, deps } = options;
  const mfa = new Mfa(deps);

  /** Who signs in and from where, on which issuer: the audit context of the sign-in pages. */
  const pageAudit = (issuer: IssuerProvider, request: FastifyRequest): OidcAudit => ({
    ...auditOf(null, requestIdOf(request), clientAddress(request), request.headers['user-agent'] ?? null),
    issuer: issuer.info.issuer,
  });

  async function issuerOf(params: Params): Promise<IssuerProvider> {
    if (params.slug === undefined) return registry.platform();
    const found = isTenantSlug(params.slug) ? await registry.tenant(params.slug) : null;
    if (!found) throw notFound('Tenant');
    return found;
  }

  /** The interaction of this browser, when it is the one the URL names. */
  async function interactionOf(issuer: IssuerProvider, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<Interaction | null> {
    try {
      const interaction = await issuer.provider.interactionDetails(request.raw, reply.raw);
      return interaction.uid === request.params.uid ? interaction : null;
    } catch {
      return null;
    }
  }

  const expired = (reply: FastifyReply, issuer: IssuerProvider) =>
    sendPage(reply, 400, messagePage('Sign-in expired', brandName(issuer.info.owner), 'This sign-in has expired or was started in another browser. Go back to the application and try again.'));

  async function clientName(issuer: IssuerProvider, interaction: Interaction): Promise<string> {
    const client = await issuer.provider.Client.find(String(interaction.params.client_id));
    return client?.clientName ?? String(interaction.params.client_id);
  }

  const base = (issuer: IssuerProvider, uid: string) => `${issuer.info.mountPath}/interaction/${uid}`;

  const show = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const issuer = await issuerOf(request.params);
    const interaction = await interactionOf(issuer, request, reply);
    if (!interaction) return expired(reply, issuer);
    const brand = brandName(issuer.info.owner);
    const name = await clientName(issuer, interaction);
    const action = base(issuer, interaction.uid);
    if (interaction.prompt.name === 'login') {
      const hint = typeof interaction.params.login_hint === 'string' ? interaction.params.login_hint : undefined;
      return sendPage(reply, 200, signInPage({ brand, action: `${action}/login`, clientName: name, email: hint }));
    }
    return sendPage(reply, 200, consentPage({ brand, action: `${action}/consent`, abortAction: `${action}/abort`, clientName: name, scopes: requestedScopes(interaction) }));
  };

  const login = async (request: FastifyRequest<{ Params: Params; Body: { email?: string; password?: string } }>, reply: FastifyReply) => {
    const issuer = await issuerOf(request.params);
    const interaction = await interactionOf(issuer, request, reply);
    if (!interaction || interaction.prompt.name !== 'login') return expired(reply, issuer);
    const email = String(request.body?.email ?? '');
    const password = String(request.body?.password ?? '');
    const brand = brandName(issuer.info.owner);
    const page = async (status: number, error: string) =>
      sendPage(reply, status, signInPage({ brand, action: `${base(issuer, interaction.uid)}/login`, clientName: await clientName(issuer, interaction), email, error }));
    if (!email || !password) return page(400, 'Enter your e-mail and password.');

    const clientIp = clientAddress(request);
    const audit = pageAudit(issuer, request);
    let user: UserWithRoles;
    try {
      user = await checkPassword(deps, { email, password, clientIp, accepts: (candidate) => mayUseIssuer(candidate, issuer.info.owner) }, audit);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'rate_limited') {
        reply.header('retry-after', error.headers?.['retry-after'] ?? '60');
        return page(429, 'Too many failed attempts. Try again later.');
      }
      return page(401, 'Invalid e-mail or password.');
    }
    // A second factor due (src/mfa/): its page comes before the sign-in completes.
    const requirement = await mfa.requirementFor(user);
    if (requirement !== 'none') return answerStep(reply, issuer, request, interaction, await startMfaStep(await mfaContext(issuer, interaction, request), user, requirement));
    await finishSignIn(reply, issuer, request, interaction, user, 'password');
  };

  const finishSignIn = async (reply: FastifyReply, issuer: IssuerProvider, request: FastifyRequest, interaction: Interaction, user: UserWithRoles, method: SignInMethod) => {
    await recordSignIn(deps, user);
    // The audit trail must not cost the person their sign-in: a failed write is only logged.
    try {
      const owner = issuer.info.owner.kind === 'tenant' ? { tenantId: issuer.info.owner.tenant.id, partnerId: issuer.info.owner.tenant.partnerId } : { tenantId: user.tenantId, partnerId: user.partnerId };
      const audit = pageAudit(issuer, request);
      await deps.outbox.add(
        deps.db,
        signInSucceededEvent({ userId: user.id, email: user.email, clientId: String(interaction.params.client_id), method, ...owner }, { ...audit, actor: { subject: user.id, kind: 'user', email: user.email } }),
      );
      deps.eventsWritten();
    } catch (error) {
      request.log.error({ err: error }, 'sign-in audit event not written');
    }
    reply.hijack();
    await issuer.provider.interactionFinished(request.raw, reply.raw, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
  };

  async function mfaContext(issuer: IssuerProvider, interaction: Interaction, request: FastifyRequest): Promise<MfaStepContext> {
    const clientIp = clientAddress(request);
    const userAgent = request.headers['user-agent'] ?? null;
    return {
      mfa,
      brand: brandName(issuer.info.owner),
      clientName: await clientName(issuer, interaction),
      action: `${base(issuer, interaction.uid)}/mfa`,
      boundTo: `${issuer.info.issuer} ${interaction.uid}`,
      clientIp,
      userAgent,
      audit: pageAudit(issuer, request),
      accepts: (candidate) => mayUseIssuer(candidate, issuer.info.owner),
    };
  }

  const answerStep = async (reply: FastifyReply, issuer: IssuerProvider, request: FastifyRequest, interaction: Interaction, outcome: StepOutcome) => {
    if ('user' in outcome) return finishSignIn(reply, issuer, request, interaction, outcome.user, 'password+totp');
    if (outcome.retryAfter) reply.header('retry-after', outcome.retryAfter);
    return sendPage(reply, outcome.status, outcome.html);
  };

  /** The forms of the second step: code, enrollment, continue after the recovery codes. */
  const mfaForm =
    (step: (ctx: MfaStepContext, token: string, code: string) => Promise<StepOutcome>) =>
    async (request: FastifyRequest<{ Params: Params; Body: { mfa_token?: string; code?: string } }>, reply: FastifyReply) => {
      const issuer = await issuerOf(request.params);
      const interaction = await interactionOf(issuer, request, reply);
      if (!interaction || interaction.prompt.name !== 'login') return expired(reply, issuer);
      const outcome = await step(await mfaContext(issuer, interaction, request), String(request.body?.mfa_token ?? ''), String(request.body?.code ?? ''));
      return answerStep(reply, issuer, request, interaction, outcome);
    };

  const consent = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const issuer = await issuerOf(request.params);
    const interaction = await interactionOf(issuer, request, reply);
    if (!interaction || interaction.prompt.name !== 'consent' || !interaction.session?.accountId) return expired(reply, issuer);
    const { provider } = issuer;
    const grant = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : new provider.Grant({ accountId: interaction.session.accountId, clientId: String(interaction.params.client_id) });
    if (!grant) return expired(reply, issuer);
    const details = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    reply.hijack();
    await provider.interactionFinished(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
  };

  const abort = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const issuer = await issuerOf(request.params);
    const interaction = await interactionOf(issuer, request, reply);
    if (!interaction) return expired(reply, issuer);
    reply.hijack();
    await issuer.provider.interactionFinished(
      request.raw,
      reply.raw,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
  };

  for (const prefix of [PLATFORM_OAUTH_PREFIX, `${TENANT_ISSUER_PREFIX}/:slug`]) {
    app.get(`${prefix}/interaction/:uid`, show);
    app.post(`${prefix}/interaction/:uid/login`, login);
    app.post(`${prefix}/interaction/:uid/mfa`, mfaForm(verifyStep));
    app.post(`${prefix}/interaction/:uid/mfa/enroll`, mfaForm(enrollStep));
    app.post(`${prefix}/interaction/:uid/mfa/continue`, mfaForm((ctx, token) => continueStep(ctx, token)));
    app.post(`${prefix}/interaction/:uid/consent`, consent);
    app.post(`${prefix}/interaction/:uid/abort`, abort);
  }
}
