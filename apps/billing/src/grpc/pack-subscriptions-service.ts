import type { Clock } from '@scai/clock';
import { unary, type ImplementationOf } from '@scai/grpc';
import { once, requestFingerprint } from '@scai/idempotency';
import { pageFromProto, pageInfoToProto, type billing } from '@scai/proto';
import type { PackPurchases } from '../packs/pack-purchase.ts';
import type { Db, Tx } from '../store/prisma.ts';
import { packSubscriptionToProto } from './pack-subscription-codec.ts';

type PackSubscriptionsServiceImpl = ImplementationOf<typeof billing.v1.PackSubscriptionsServiceService>;

/** `billing.v1.PackSubscriptionsService`: a tenant buys, lists and cancels service packs. */
export function packSubscriptionsServiceImpl({ db, purchases, clock, eventsWritten }: { db: Db; purchases: PackPurchases; clock: Clock; eventsWritten: () => void }): PackSubscriptionsServiceImpl {
  return {
    subscribePack: unary(async (request: billing.v1.SubscribePackRequest, { caller }) => {
      const purchase = await purchases.subscribe(caller, request.slug);
      const work = async (tx: Tx) => packSubscriptionToProto(await purchase(tx));
      const result = request.idempotencyKey
        ? await once(db, { scope: `packs.subscribe:${caller?.subject ?? 'anonymous'}`, key: request.idempotencyKey, fingerprint: requestFingerprint({ slug: request.slug }), now: clock.now() }, work)
        : { value: await db.$transaction(work), replayed: false };
      if (!result.replayed) eventsWritten();
      return { packSubscription: result.value, replayed: result.replayed };
    }),

    listPackSubscriptions: unary(async (request: billing.v1.ListPackSubscriptionsRequest, { caller }) => {
      const page = pageFromProto(request.page);
      const { items, total } = await purchases.list(caller, request.status || undefined, page);
      return { packSubscriptions: items.map(packSubscriptionToProto), pageInfo: pageInfoToProto(page, total) };
    }),

    getPackSubscription: unary(async (request: billing.v1.GetPackSubscriptionRequest, { caller }) => ({
      packSubscription: packSubscriptionToProto(await purchases.get(caller, request.id)),
    })),

    cancelPackSubscription: unary(async (request: billing.v1.CancelPackSubscriptionRequest, { caller }) => ({
      packSubscription: packSubscriptionToProto(await purchases.cancel(caller, request.id)),
    })),
  };
}
