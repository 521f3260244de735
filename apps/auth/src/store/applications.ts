import type { Application } from '../generated/prisma/client.ts';
import type { Reach } from '@scai/permissions';
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
