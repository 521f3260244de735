import { Type } from '@fastify/type-provider-typebox';
import { ref } from '../schema-ref.ts';

const closed = { additionalProperties: false } as const;
const SLUG = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const METRIC = '^[a-z][a-z0-9_.]{0,62}$';
const TIERS = ['free', 'trial', 'starter', 'pro', 'enterprise', 'custom'] as const;
const PERIODS = ['monthly', 'quarterly', 'yearly', 'weekly', 'daily', 'one_time'] as const;
const DISCOUNTS = ['fixed_price', 'percentage'] as const;

const Cents = Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'Integer minor units of `currency`.' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR.' });
const Metadata = Type.Record(Type.String(), Type.Unknown(), { description: 'Free-form JSON object.' });
const Text = (maxLength: number, minLength = 0) => Type.String({ maxLength, minLength });
const Features = Type.Object({ items: Type.Array(Text(200, 1), { maxItems: 50 }), unit: Type.Optional(Text(40)) }, closed);
const Quotas = Type.Record(Type.String({ pattern: METRIC }), Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), {
  description: 'Limit per metric; 0 = unlimited.',
});

export const UsagePricingTier = Type.Object(
  {
    metric: Type.String({ pattern: METRIC }),
    tier_start: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
    tier_end: Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()], { description: 'null: unbounded.' }),
    unit_price_cents: Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'Minor units per `unit_divisor` units.' }),
    unit_label: Text(60, 1),
    unit_divisor: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  },
  { ...closed, $id: 'UsagePricingTier', title: 'UsagePricingTier' },
);

export const Plan = Type.Object(
  {
    id: Type.String(),
    service_id: Type.String(),
    service_slug: Type.String(),
    slug: Type.String(),
    plan_key: Type.String({ description: '`<service_slug>.<plan_slug>`, stable.' }),
    name: Type.String(),
    description: Type.String(),
    tier: Type.String(),
    billing_period: Type.String(),
    base_price_cents: Type.Integer(),
    currency: Type.String(),
    mrr_cents: Type.Integer({ description: 'The base price normalised to a month.' }),
    features: Type.Object({ items: Type.Array(Type.String()), unit: Type.String() }),
    quotas: Type.Record(Type.String(), Type.Integer()),
    trial_days: Type.Integer(),
    pricing_tiers: Type.Array(ref(UsagePricingTier)),
    is_active: Type.Boolean(),
    is_public: Type.Boolean(),
    sort_order: Type.Integer(),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    version: Type.Integer({ description: 'Price version: subscriptions keep the version they were sold at.' }),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Plan', title: 'Plan' },
);

export const CatalogService = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    icon_url: Type.String(),
    base_url: Type.String(),
    is_active: Type.Boolean(),
    is_public: Type.Boolean(),
    sort_order: Type.Integer(),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    plans: Type.Array(ref(Plan)),
    packs: Type.Array(Type.String(), { description: 'Slugs of the packs this service is in.' }),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'CatalogService', title: 'CatalogService' },
);

const serviceFields = {
  name: Text(120, 1),
  description: Type.Optional(Text(2000)),
  icon_url: Type.Optional(Text(2000)),
  base_url: Type.Optional(Text(2000)),
  is_active: Type.Optional(Type.Boolean()),
  is_public: Type.Optional(Type.Boolean()),
  sort_order: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
  metadata: Type.Optional(Metadata),
};

export const ServiceCreate = Type.Object(
  { slug: Type.String({ pattern: SLUG, maxLength: 63 }), ...serviceFields },
  { ...closed, $id: 'ServiceCreateRequest', title: 'ServiceCreateRequest' },
);
export const ServiceUpdate = Type.Partial(Type.Object(serviceFields, closed), { ...closed, $id: 'ServiceUpdateRequest', title: 'ServiceUpdateRequest' });

const planFields = {
  name: Text(120, 1),
  description: Type.Optional(Text(2000)),
  tier: Type.Union(TIERS.map((t) => Type.Literal(t))),
  billing_period: Type.Union(PERIODS.map((p) => Type.Literal(p))),
  base_price_cents: Cents,
  currency: Currency,
  features: Type.Optional(Features),
  quotas: Type.Optional(Quotas),
  trial_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  is_active: Type.Optional(Type.Boolean()),
  is_public: Type.Optional(Type.Boolean()),
  sort_order: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
  metadata: Type.Optional(Metadata),
};

export const PlanCreate = Type.Object(
  {
    service_id: Type.String({ minLength: 1, maxLength: 100, description: 'The service, by id or slug.' }),
    slug: Type.String({ pattern: SLUG, maxLength: 63 }),
    ...planFields,
    pricing_tiers: Type.Optional(Type.Array(ref(UsagePricingTier), { maxItems: 100 })),
  },
  { ...closed, $id: 'PlanCreateRequest', title: 'PlanCreateRequest' },
);
export const PlanUpdate = Type.Partial(Type.Object(planFields, closed), {
  ...closed,
  $id: 'PlanUpdateRequest',
  title: 'PlanUpdateRequest',
  description: 'A change of price, currency, period, features, quotas or trial makes a new plan version.',
});
export const PricingTiersReplace = Type.Object(
  { pricing_tiers: Type.Array(ref(UsagePricingTier), { maxItems: 100 }) },
  { ...closed, $id: 'PricingTiersReplaceRequest', title: 'PricingTiersReplaceRequest' },
);

const MoneyAmount = Type.Object({ amount_cents: Type.Integer(), currency: Type.String() });

export const ServicePack = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    discount_type: Type.String(),
    base_price_cents: Type.Integer(),
    discount_percent: Type.String({ description: 'Exact decimal text, 0–100.' }),
    currency: Type.String(),
    billing_period: Type.String(),
    price: MoneyAmount,
    list_price: MoneyAmount,
    items: Type.Array(
      Type.Object({
        service_slug: Type.String(),
        plan_key: Type.String(),
        plan_id: Type.String(),
        plan_name: Type.String(),
        list_price: MoneyAmount,
        override_price_cents: Type.Union([Type.Integer(), Type.Null()]),
      }),
    ),
    is_active: Type.Boolean(),
    is_public: Type.Boolean(),
    sort_order: Type.Integer(),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'ServicePack', title: 'ServicePack' },
);

const packFields = {
  name: Text(120, 1),
  description: Type.Optional(Text(2000)),
  discount_type: Type.Union(DISCOUNTS.map((d) => Type.Literal(d))),
  base_price_cents: Type.Optional(Cents),
  discount_percent: Type.Optional(Type.String({ pattern: '^\\d{1,3}(\\.\\d{1,4})?$', description: 'Decimal text 0–100, e.g. "12.5".' })),
  currency: Currency,
  billing_period: Type.Union(PERIODS.map((p) => Type.Literal(p))),
  is_active: Type.Optional(Type.Boolean()),
  is_public: Type.Optional(Type.Boolean()),
  sort_order: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
  metadata: Type.Optional(Metadata),
  items: Type.Array(
    Type.Object({ plan_key: Type.String({ minLength: 1, maxLength: 200 }), override_price_cents: Type.Optional(Cents) }, closed),
    { minItems: 1, maxItems: 20 },
  ),
};

export const PackCreate = Type.Object(
  { slug: Type.String({ pattern: SLUG, maxLength: 63 }), ...packFields },
  { ...closed, $id: 'ServicePackCreateRequest', title: 'ServicePackCreateRequest' },
);
export const PackUpdate = Type.Partial(Type.Object(packFields, closed), { ...closed, $id: 'ServicePackUpdateRequest', title: 'ServicePackUpdateRequest' });

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const PlanKeyParams = Type.Object({ plan_key: Type.String({ minLength: 1, maxLength: 200 }) });
export const PlanIdParams = Type.Object({ plan_id: Type.String({ minLength: 1, maxLength: 100 }) });
export const PackIdParams = Type.Object({ pack_id: Type.String({ minLength: 1, maxLength: 100 }) });

export const catalogSchemas = [UsagePricingTier, Plan, CatalogService, ServiceCreate, ServiceUpdate, PlanCreate, PlanUpdate, PricingTiersReplace, ServicePack, PackCreate, PackUpdate];
