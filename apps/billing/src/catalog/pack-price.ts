import { applyPercentageDiscount, money, sum, type Money } from '@scai/money';
import type { ServicePack } from './catalog-types.ts';

/** What buying the items one by one costs: each at its override if set, else its plan's price. */
export function packListPrice(pack: Pick<ServicePack, 'currency' | 'items'>): Money {
  return sum(pack.items.map((item) => money(item.listPriceCents, item.currency)), pack.currency);
}

/** What a subscriber pays per period (domain.md): the fixed price, or the items' sum less the percentage. */
export function packPrice(pack: Pick<ServicePack, 'currency' | 'items' | 'discountType' | 'basePriceCents' | 'discountPercent'>): Money {
  if (pack.discountType === 'fixed_price') return money(pack.basePriceCents, pack.currency);
  const items = sum(pack.items.map((item) => money(item.overridePriceCents ?? item.listPriceCents, item.currency)), pack.currency);
  return applyPercentageDiscount(items, pack.discountPercent);
}
