import { pageWindow, type PageRequest } from '@scai/api';
import type { Reach } from '@scai/permissions';
import type { Application, Prisma } from '../generated/prisma/client.ts';
import type { Db, Tx } from './prisma.ts';

export type ApplicationRow = Application;

export function findApplication(db: Db | Tx, idOrClientId: string): Promise<ApplicationRow | null> {
  return idOrClientId.startsWith('app_')
    ? db.application.findUnique({ where: { id: idOrClientId } })
    : db.application.findUnique({ where: { clientId: idOrClientId } });
}

export function findByRegistration(db: Db | Tx, registrationRequestId: string): Promise<ApplicationRow | null> {
  return db.application.findUnique({ where: { registrationRequestId } });
}

/** Whether an application is within a caller's reach (its owner partner or tenant). */
export function reachesApplication(reach: Reach, app: Pick<ApplicationRow, 'scope' | 'tenantId' | 'partnerId'>): boolean {
  switch (reach.level) {
    case 'platform':
      return true;
    case 'partner':
      return app.scope !== 'GLOBAL' && app.partnerId === reach.partnerId;
    case 'tenant':
      return app.scope === 'TENANT' && app.tenantId === reach.tenantId;
    default:
      return false;
  }
}

/** The Prisma filter of the applications a caller's reach covers; null when none. */
export function applicationsInReach(reach: Reach): Prisma.ApplicationWhereInput | null {
  switch (reach.level) {
    case 'platform':
      return {};
    case 'partner':
      return { scope: { in: ['PARTNER', 'TENANT'] }, partnerId: reach.partnerId };
    case 'tenant':
      return { scope: 'TENANT', tenantId: reach.tenantId };
    default:
      return null;
  }
}

export interface ApplicationListQuery {
  page: PageRequest;
  q?: string;
  tenantId?: string | null;
  partnerId?: string | null;
}

export async function listApplications(db: Db, reach: Reach, query: ApplicationListQuery): Promise<{ items: ApplicationRow[]; total: number }> {
  const inReach = applicationsInReach(reach);
  if (!inReach) return { items: [], total: 0 };
  const filters: Prisma.ApplicationWhereInput[] = [inReach];
  const q = query.q?.trim();
  if (q) {
    filters.push({
      OR: [{ name: { contains: q, mode: 'insensitive' } }, { description: { contains: q, mode: 'insensitive' } }, { id: q }, { clientId: q }],
    });
  }
  if (query.tenantId) filters.push({ tenantId: query.tenantId });
  if (query.partnerId) filters.push({ partnerId: query.partnerId });
  const where = { AND: filters };
  const [items, total] = await Promise.all([
    db.application.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageWindow(query.page) }),
    db.application.count({ where }),
  ]);
  return { items, total };
}

/**
 * Removes every OAuth artefact issued to a client on any issuer (grants, authorization
 * codes, refresh tokens, opaque access tokens): oidc-provider keeps `clientId` in each
 * payload. Sessions stay; they belong to the person, not the application.
 */
export async function revokeClientArtefacts(tx: Db | Tx, clientId: string): Promise<number> {
  const { count } = await tx.oidcPayload.deleteMany({ where: { kind: { not: 'Session' }, payload: { path: ['clientId'], equals: clientId } } });
  return count;
}
