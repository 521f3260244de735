import { Type } from '@fastify/type-provider-typebox';
import { PageNumber, PageSize } from '../common-schemas.ts';
import { nullable } from '../partners/partner-schemas.ts';
import { ref } from '../schema-ref.ts';
import { Subscription } from '../subscriptions/subscription-schemas.ts';

const Timestamp = Type.String({ format: 'date-time' });

export const PackSubscription = Type.Object(
  {
    id: Type.String(),
    tenant_id: Type.String(),
    partner_id: Type.String(),
    pack_id: Type.String(),
    pack_slug: Type.String(),
    status: Type.String(),
    price_cents: Type.Integer({ description: 'What the pack costs per period (fixed, or its items less the discount)' }),
    currency: Type.String(),
    billing_period: Type.String(),
    mrr_cents: Type.Integer(),
    current_period_start: Timestamp,
    current_period_end: nullable(Timestamp),
    cancelled_at: nullable(Timestamp),
    suspended_reason: nullable(Type.String({ description: 'Set while suspended: admin, dunning or tenant_suspended (its children with it)' })),
    children: Type.Array(ref(Subscription), { description: "One subscription per pack item, priced by the pack (their own price is 0) and following the pack's status" }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'PackSubscription', title: 'PackSubscription' },
);

export const PackSlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 63 }) });
export const PackSubscriptionIdParams = Type.Object({ pack_subscription_id: Type.String({ minLength: 1, maxLength: 64 }) });
export const PackSubscriptionListQuery = Type.Object({ page: PageNumber, page_size: PageSize, status: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })) }, { additionalProperties: false });

export const packSubscriptionSchemas = [Subscription, PackSubscription];
