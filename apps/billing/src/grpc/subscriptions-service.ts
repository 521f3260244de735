import { badRequest, forbidden, unauthorized } from '@scai/api';
import { reachOf, requirePermission } from '@scai/permissions';
import type { Clock } from '@scai/clock';
import { unary, type ImplementationOf } from '@scai/grpc';
import { once, requestFingerprint } from '@scai/idempotency';
import { pageFromProto, pageInfoToProto, type billing } from '@scai/proto';
import type { Db, Tx } from '../store/prisma.ts';
import { BULK_ACTIONS, type BulkAction, type SubscriptionService } from '../subscriptions/subscription-service.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import { billableItemToProto, subscriptionToProto } from './subscription-codec.ts';

type SubscriptionsServiceImpl = ImplementationOf<typeof billing.v1.SubscriptionsServiceService>;

interface Deps {
  db: Db;
  service: SubscriptionService;
  store: SubscriptionStore;
  clock: Clock;
  eventsWritten: () => void;
}

/** `billing.v1.SubscriptionsService`: tenant-side and admin subscription calls. */
export function subscriptionsServiceImpl({ db, service, store, clock, eventsWritten }: Deps): SubscriptionsServiceImpl {
  const answer = (subscription: Parameters<typeof subscriptionToProto>[0]) => ({ subscription: subscriptionToProto(subscription) });

  return {
    listSubscriptions: unary(async (request: billing.v1.ListSubscriptionsRequest, { caller }) => {
      const reach = service.reachFor(caller, request.asAdmin, 'read');
      const page = pageFromProto(request.page);
      const filter = { status: request.status || undefined, ...(request.asAdmin ? { tenantId: request.tenantId || undefined, serviceSlug: request.service || undefined } : {}) };
      const { items, total } = await store.list(reach, filter, page);
      return { subscriptions: items.map(subscriptionToProto), pageInfo: pageInfoToProto(page, total) };
    }),

    getSubscription: unary(async (request: billing.v1.GetSubscriptionRequest, { caller }) => ({
      subscription: subscriptionToProto(await service.get(caller, request.asAdmin, request.id)),
    })),

    createSubscription: unary(async (request: billing.v1.CreateSubscriptionRequest, { caller }) => {
      const input = { planKey: request.planKey, asAdmin: request.asAdmin, tenantId: request.tenantId };
      const purchase = await service.create(caller, input);
      const work = async (tx: Tx) => subscriptionToProto(await purchase(tx));
      let result: { value: billing.v1.Subscription; replayed: boolean };
      if (request.idempotencyKey) {
        // Each caller has its own key space; the fingerprint is what "the same request" means.
        const scope = `subscriptions.create:${caller?.subject ?? 'anonymous'}`;
        result = await once(db, { scope, key: request.idempotencyKey, fingerprint: requestFingerprint(input), now: clock.now() }, work);
      } else {
        result = { value: await db.$transaction(work), replayed: false };
      }
      if (!result.replayed) eventsWritten();
      return { subscription: result.value, replayed: result.replayed };
    }),

    cancelSubscription: unary(async (request: billing.v1.CancelSubscriptionRequest, { caller }) => answer(await service.cancel(caller, request.asAdmin, request.id, request.immediate))),
    resumeSubscription: unary(async (request: billing.v1.ResumeSubscriptionRequest, { caller }) => answer(await service.resume(caller, request.asAdmin, request.id))),
    suspendSubscription: unary(async (request: billing.v1.SuspendSubscriptionRequest, { caller }) => {
      if (!request.asAdmin) throw badRequest('Only administrators suspend subscriptions');
      return answer(await service.suspend(caller, request.id));
    }),
    changePlan: unary(async (request: billing.v1.ChangePlanRequest, { caller }) => answer(await service.changePlan(caller, request.asAdmin, request.id, request.planKey))),
    overrideSubscription: unary(async (request: billing.v1.OverrideSubscriptionRequest, { caller }) => answer(await service.override(caller, request.id, request.planKey, request.status))),

    bulkAction: unary(async (request: billing.v1.BulkActionRequest, { caller }) => {
      if (!(BULK_ACTIONS as readonly string[]).includes(request.action)) throw badRequest(`action must be one of ${BULK_ACTIONS.join(', ')}`);
      return service.bulk(caller, request.action as BulkAction, request.ids);
    }),

    listPendingItems: unary(async (request: billing.v1.ListPendingItemsRequest, { caller }) => {
      const reach = service.reachFor(caller, request.asAdmin, 'read');
      return { items: (await store.pendingItems(reach, request.subscriptionId)).map(billableItemToProto) };
    }),

    countLiveSubscriptions: unary(async (request: billing.v1.CountLiveSubscriptionsRequest, { caller }) => {
      if (!caller) throw unauthorized();
      // A count across every tenant reveals nothing of one, but it is still the platform's business.
      requirePermission(caller, 'admin:subscriptions');
      if (reachOf(caller).level !== 'platform') throw forbidden('Only platform administrators count subscriptions across tenants');
      return { count: await store.countLive(request.serviceSlug) };
    }),
  };
}
