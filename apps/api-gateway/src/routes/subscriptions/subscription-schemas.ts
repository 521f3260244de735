import { Type } from '@fastify/type-provider-typebox';
import { IDEMPOTENCY_KEY_PATTERN } from '@scai/idempotency';
import { AuthorizationHeader, PageNumber, PageSize } from '../common-schemas.ts';
import { nullable } from '../partners/partner-schemas.ts';

const STATES = ['pending', 'trialing', 'active', 'past_due', 'cancelling', 'suspended', 'cancelled', 'expired'] as const;
const State = Type.Union(STATES.map((state) => Type.Literal(state)));
const PlanKey = Type.String({ minLength: 3, maxLength: 160, pattern: '^[a-z0-9-]+\\.[a-z0-9-]+$', description: '`<service_slug>.<plan_slug>`' });
const Timestamp = Type.String({ format: 'date-time' });

export const SubscriptionIdParams = Type.Object({ subscription_id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Authenticated routes that create or move money take an optional `Idempotency-Key`. */
export const IdempotentHeaders = Type.Object({
  ...AuthorizationHeader.properties,
  'idempotency-key': Type.Optional(
    Type.String({ pattern: IDEMPOTENCY_KEY_PATTERN, description: 'Repeat a request safely: the same key and body answer the first result for 24 h; another body is 409' }),
  ),
});

export const Subscription = Type.Object(
  {
    id: Type.String(),
    tenant_id: Type.String(),
    partner_id: Type.String(),
    service_id: Type.String(),
    service_slug: Type.String(),
    plan_id: Type.String(),
    plan_key: Type.String(),
    plan_version: Type.Integer({ description: 'The plan version it was sold at: its price until the plan changes' }),
    status: State,
    quantity: Type.Integer(),
    unit_price_cents: Type.Integer(),
    currency: Type.String(),
    billing_period: Type.String(),
    mrr_cents: Type.Integer({ description: 'Monthly recurring revenue (yearly ÷ 12, quarterly ÷ 3, …); 0 once ended' }),
    trial_end_date: nullable(Timestamp),
    current_period_start: Timestamp,
    current_period_end: nullable(Timestamp),
    pending_cancellation_at: nullable(Timestamp),
    past_due_since: nullable(Timestamp),
    cancelled_at: nullable(Timestamp),
    suspended_reason: nullable(Type.String()),
    pack_subscription_id: nullable(Type.String()),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Subscription', title: 'Subscription' },
);

export const BillableItem = Type.Object(
  {
    id: Type.String(),
    subscription_id: Type.String(),
    kind: Type.String({ description: 'proration_credit, proration_charge or plan_charge' }),
    description: Type.String(),
    amount_cents: Type.Integer({ description: 'Negative for a credit' }),
    currency: Type.String(),
    period_start: Timestamp,
    period_end: Timestamp,
    created_at: Timestamp,
  },
  { $id: 'BillableItem', title: 'BillableItem' },
);

export const SubscriptionCreate = Type.Object({ plan_key: PlanKey }, { $id: 'SubscriptionCreate', title: 'SubscriptionCreate', additionalProperties: false });
export const AdminSubscriptionCreate = Type.Object(
  { tenant_id: Type.String({ minLength: 1, maxLength: 64 }), plan_key: PlanKey },
  { $id: 'AdminSubscriptionCreate', title: 'AdminSubscriptionCreate', additionalProperties: false },
);
export const ChangePlan = Type.Object({ plan_key: PlanKey }, { $id: 'ChangePlan', title: 'ChangePlan', additionalProperties: false });
export const AdminCancel = Type.Object(
  { immediate: Type.Optional(Type.Boolean({ default: false, description: 'Cancel now instead of at period end' })) },
  { $id: 'AdminCancel', title: 'AdminCancel', additionalProperties: false },
);
export const SubscriptionOverride = Type.Object(
  { plan_key: Type.Optional(PlanKey), status: Type.Optional(State) },
  { $id: 'SubscriptionOverride', title: 'SubscriptionOverride', additionalProperties: false, minProperties: 1 },
);
export const BulkAction = Type.Object(
  {
    action: Type.Union(['cancel', 'cancel_immediate', 'suspend', 'resume'].map((action) => Type.Literal(action))),
    ids: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 }),
  },
  { $id: 'BulkAction', title: 'BulkAction', additionalProperties: false },
);
export const BulkResult = Type.Object(
  {
    succeeded: Type.Array(Type.String()),
    failed: Type.Array(Type.Object({ id: Type.String(), error: Type.Object({ code: Type.String(), message: Type.String() }) })),
  },
  { $id: 'BulkResult', title: 'BulkResult' },
);

export const SubscriptionListQuery = Type.Object({ page: PageNumber, page_size: PageSize, status: Type.Optional(State) }, { additionalProperties: false });
export const AdminSubscriptionListQuery = Type.Object(
  {
    page: PageNumber,
    page_size: PageSize,
    status: Type.Optional(State),
    tenant_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    service: Type.Optional(Type.String({ minLength: 1, maxLength: 63, description: 'service slug' })),
  },
  { additionalProperties: false },
);

export const subscriptionSchemas = [Subscription, BillableItem, SubscriptionCreate, ChangePlan];
export const adminSubscriptionSchemas = [Subscription, AdminSubscriptionCreate, AdminCancel, SubscriptionOverride, BulkAction, BulkResult];
