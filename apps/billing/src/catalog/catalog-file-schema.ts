import { Type, type Static } from 'typebox';
import { BILLING_PERIODS, DISCOUNT_TYPES, MAX_SORT_ORDER, MAX_STORED_INT, METRIC_PATTERN, PLAN_TIERS, SLUG_PATTERN } from './vocabulary.ts';

const closed = { additionalProperties: false } as const;
const Slug = Type.String({ pattern: SLUG_PATTERN, maxLength: 63 });
const Text = (maxLength: number) => Type.String({ maxLength });
const Cents = Type.Integer({ minimum: 0, maximum: MAX_STORED_INT });
const SortOrder = Type.Integer({ minimum: -MAX_SORT_ORDER, maximum: MAX_SORT_ORDER });
const Metadata = Type.Record(Type.String(), Type.Unknown());

const PricingTier = Type.Object(
  {
    metric: Type.String({ pattern: METRIC_PATTERN }),
    tier_start: Type.Integer({ minimum: 0, maximum: MAX_STORED_INT }),
    tier_end: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: MAX_STORED_INT }), Type.Null()])),
    unit_price_cents: Cents,
    unit_label: Text(60),
    unit_divisor: Type.Integer({ minimum: 1, maximum: MAX_STORED_INT }),
  },
  closed,
);

const PlanEntry = Type.Object(
  {
    slug: Slug,
    name: Text(120),
    description: Type.Optional(Text(2000)),
    tier: Type.Union(PLAN_TIERS.map((t) => Type.Literal(t))),
    billing_period: Type.Union(BILLING_PERIODS.map((p) => Type.Literal(p))),
    base_price_cents: Cents,
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    trial_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    features: Type.Optional(Type.Object({ items: Type.Array(Text(200), { maxItems: 50 }), unit: Type.Optional(Text(40)) }, closed)),
    quotas: Type.Optional(Type.Record(Type.String({ pattern: METRIC_PATTERN }), Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }))),
    pricing_tiers: Type.Optional(Type.Array(PricingTier, { maxItems: 100 })),
    is_active: Type.Optional(Type.Boolean()),
    is_public: Type.Optional(Type.Boolean()),
    sort_order: Type.Optional(SortOrder),
    metadata: Type.Optional(Metadata),
  },
  closed,
);

const ServiceEntry = Type.Object(
  {
    slug: Slug,
    name: Text(120),
    description: Type.Optional(Text(2000)),
    icon_url: Type.Optional(Text(2000)),
    base_url: Type.Optional(Text(2000)),
    is_active: Type.Optional(Type.Boolean()),
    is_public: Type.Optional(Type.Boolean()),
    sort_order: Type.Optional(SortOrder),
    metadata: Type.Optional(Metadata),
    plans: Type.Array(PlanEntry, { minItems: 1 }),
  },
  closed,
);

const PackEntry = Type.Object(
  {
    slug: Slug,
    name: Text(120),
    description: Type.Optional(Text(2000)),
    discount_type: Type.Union(DISCOUNT_TYPES.map((d) => Type.Literal(d))),
    base_price_cents: Type.Optional(Cents),
    discount_percent: Type.Optional(Type.String({ pattern: '^\\d{1,3}(\\.\\d{1,4})?$' })),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    billing_period: Type.Union(BILLING_PERIODS.map((p) => Type.Literal(p))),
    is_active: Type.Optional(Type.Boolean()),
    is_public: Type.Optional(Type.Boolean()),
    sort_order: Type.Optional(SortOrder),
    metadata: Type.Optional(Metadata),
    items: Type.Array(Type.Object({ plan_key: Type.String(), override_price_cents: Type.Optional(Cents) }, closed), { minItems: 1 }),
  },
  closed,
);

/** The catalog seed file (`catalog/*.yaml`): a version, services with their plans, packs. */
export const CatalogFile = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    services: Type.Array(ServiceEntry),
    packs: Type.Optional(Type.Array(PackEntry)),
  },
  closed,
);

export type CatalogFile = Static<typeof CatalogFile>;
export type PlanEntry = Static<typeof PlanEntry>;
export type ServiceEntry = Static<typeof ServiceEntry>;
export type PackEntry = Static<typeof PackEntry>;
