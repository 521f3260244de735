import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { JWK } from 'jose';
import type { SigningAlg } from '../keys/signing-keys.ts';
import type { Db } from '../store/prisma.ts';
import { wireAudit, type AuditSink } from './audit.ts';
import { issuerInfo, type IssuerInfo, type IssuerOwner } from './issuer.ts';
import { createProvider } from './provider-config.ts';
import type { AccessTokensRevoked } from './payload-adapter.ts';
import type { TenantDirectory } from './tenant-directory.ts';

export interface RegistryOptions {
  db: Db;
  publicUrl: string;
  tenants: TenantDirectory;
  /** Whether a user's tenant is active (provider-config.ts). */
  tenantIsActive: (tenantId: string) => Promise<boolean>;
  activeKey: () => Promise<{ kid: string; alg: SigningAlg; jwk: JWK }>;
  publishedKeys: () => Promise<{ keys: JWK[] }>;
  cookieKeys: string[];
  tokenPepper: string;
  refreshTokenTtlSeconds: number;
  now: () => Date;
  onServerError: (error: unknown) => void;
  /** Access tokens a revocation removed, told inside its transaction (provider-config.ts). */
  onAccessTokensRevoked?: AccessTokensRevoked;
  /** Where the providers publish their audit events (audit.ts). */
  audit?: AuditSink;
}

/** One issuer's provider, ready to answer requests below its mount path. */
export interface IssuerProvider {
  info: IssuerInfo;
  provider: Provider;
  /** Answers a raw request whose URL is still the full public path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** More issuers than this and the least recently built one is dropped (rebuilt on its next request). */
const MAX_PROVIDERS = 500;

/**
 * One oidc-provider per issuer, created on first use and cached. A provider holds the
 * active signing key it was built with; when the key rotates the next request builds a
 * fresh one (all state lives in the database, so nothing is lost).
 */
export class ProviderRegistry {
  private readonly cache = new Map<string, { kid: string; entry: IssuerProvider }>();
  private readonly publicOrigin: URL;
  private readonly audit: AuditSink | null;

  constructor(private readonly options: RegistryOptions) {
    this.publicOrigin = new URL(options.publicUrl);
    this.audit = options.audit ?? null;
  }

  platform(): Promise<IssuerProvider> {
    return this.forOwner({ kind: 'platform' });
  }

  /** The provider of an active tenant's issuer; null for an unknown or suspended tenant. */
  async tenant(slug: string): Promise<IssuerProvider | null> {
    const tenant = await this.options.tenants.bySlug(slug);
    return tenant ? this.forOwner({ kind: 'tenant', tenant }) : null;
  }

  private async forOwner(owner: IssuerOwner): Promise<IssuerProvider> {
    const info = issuerInfo(this.options.publicUrl, owner);
    const key = await this.options.activeKey();
    const cached = this.cache.get(info.issuer);
    // A tenant's branding may change too: the directory's answer is part of the key.
    if (cached && cached.kid === key.kid && JSON.stringify(cached.entry.info.owner) === JSON.stringify(owner)) return cached.entry;

    const provider = createProvider({ ...this.options, info, signingKey: key });
    if (this.audit) wireAudit(provider, info, this.audit);
    const callback = provider.callback();
    const entry: IssuerProvider = {
      info,
      provider,
      handle: async (req, res) => {
        this.mount(req, info.mountPath);
        await callback(req, res);
      },
    };
    this.cache.delete(info.issuer);
    if (this.cache.size >= MAX_PROVIDERS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(info.issuer, { kid: key.kid, entry });
    return entry;
  }

  /**
   * Presents the request as the provider expects when mounted: the path below its mount
   * (`originalUrl` keeps the full one, from which it derives its URLs), and the public
   * origin as the host, so every URL it writes is under PUBLIC_URL whoever proxied the call.
   */
  private mount(req: IncomingMessage & { originalUrl?: string }, mountPath: string): void {
    const url = req.url ?? '/';
    req.originalUrl = url;
    req.url = url.slice(mountPath.length) || '/';
    if (!req.url.startsWith('/')) req.url = `/${req.url}`;
    req.headers['x-forwarded-host'] = this.publicOrigin.host;
    req.headers['x-forwarded-proto'] = this.publicOrigin.protocol.slice(0, -1);
  }
}
