import { describe, expect, it } from 'vitest';
import type { PackItem } from './catalog-types.ts';
import { packListPrice, packPrice } from './pack-price.ts';

const item = (listPriceCents: number, overridePriceCents: number | null = null): PackItem => ({
  planId: 'pln', planKey: 'a.pro', planName: 'Pro', serviceSlug: 'a', listPriceCents, currency: 'EUR', overridePriceCents,
});

describe('pack price', () => {
  it('is the base price for a fixed-price pack', () => {
    expect(packPrice({ currency: 'EUR', items: [item(2900), item(1900)], discountType: 'fixed_price', basePriceCents: 3900, discountPercent: '0' })).toEqual({ amountMinor: 3900, currency: 'EUR' });
  });

  it('takes the percentage off the items, each at its override when it has one, rounding half-even once', () => {
    // (2900 + 1500) × 0.875 = 3850; (2905 + 1500) × 0.9 = 3964.5 → 3964
    expect(packPrice({ currency: 'EUR', items: [item(2900), item(1900, 1500)], discountType: 'percentage', basePriceCents: 0, discountPercent: '12.5' }).amountMinor).toBe(3850);
    expect(packPrice({ currency: 'EUR', items: [item(2905), item(1900, 1500)], discountType: 'percentage', basePriceCents: 0, discountPercent: '10' }).amountMinor).toBe(3964);
  });

  it('lists the items at their plans’ prices', () => {
    expect(packListPrice({ currency: 'EUR', items: [item(2900), item(1900, 1500)] }).amountMinor).toBe(4800);
  });

  it('refuses items in another currency', () => {
    expect(() => packListPrice({ currency: 'USD', items: [item(2900)] })).toThrow();
  });
});
