import { describe, expect, it } from 'vitest';
import { validateTiers, type UsageTier } from './usage-tiers.ts';

const tier = (tierStart: number, tierEnd: number | null, unitPriceCents = 25, unitDivisor = 1000): UsageTier => ({
  tierStart, tierEnd, unitPriceCents, unitDivisor, unitLabel: 'tokens',
});

describe('validateTiers', () => {
  it('accepts contiguous tiers from 0, open or closed at the end, free tiers included', () => {
    expect(validateTiers([tier(0, null)])).toEqual([]);
    expect(validateTiers([tier(0, 1000, 0), tier(1000, 10_000), tier(10_000, null, 10)])).toEqual([]);
    expect(validateTiers([tier(0, 5, 1, 1), tier(5, 10, 1, 1)])).toEqual([]);
  });

  it('requires at least one tier', () => {
    expect(validateTiers([])).toEqual([{ index: 0, field: 'tierStart', message: expect.any(String) }]);
  });

  it('reports each problem with the tier index and field', () => {
    const fields = (tiers: UsageTier[]) => validateTiers(tiers).map(({ index, field }) => ({ index, field }));
    expect(fields([tier(1, null)])).toEqual([{ index: 0, field: 'tierStart' }]);
    // a gap, an overlap and the wrong order all break "start = previous end"
    expect(fields([tier(0, 100), tier(150, null)])).toEqual([{ index: 1, field: 'tierStart' }]);
    expect(fields([tier(0, 100), tier(50, null)])).toEqual([{ index: 1, field: 'tierStart' }]);
    expect(fields([tier(0, 100), tier(200, 300), tier(100, 200)])).toEqual([
      { index: 1, field: 'tierStart' }, { index: 2, field: 'tierStart' },
    ]);
    // a null end in the middle is reported once, on that tier
    expect(fields([tier(0, 100), tier(100, null), tier(300, null)])).toEqual([{ index: 1, field: 'tierEnd' }]);
    expect(fields([tier(0, null), tier(100, null)])).toEqual([{ index: 0, field: 'tierEnd' }]);
    expect(fields([tier(0, 0)])).toEqual([{ index: 0, field: 'tierEnd' }]);
    expect(fields([tier(0, 10.5)])).toEqual([{ index: 0, field: 'tierEnd' }]);
    expect(fields([tier(0, null, -1)])).toEqual([{ index: 0, field: 'unitPriceCents' }]);
    expect(fields([tier(0, null, 2.5)])).toEqual([{ index: 0, field: 'unitPriceCents' }]);
    expect(fields([tier(0, null, 25, 0)])).toEqual([{ index: 0, field: 'unitDivisor' }]);
    expect(fields([tier(0, null, 25, -1000)])).toEqual([{ index: 0, field: 'unitDivisor' }]);
    expect(fields([tier(0, null, 25, 0.5)])).toEqual([{ index: 0, field: 'unitDivisor' }]);
    expect(fields([tier(-1, null)])).toEqual([{ index: 0, field: 'tierStart' }]);
    expect(fields([tier(0, 100), tier(100, 200, -5, 0)])).toEqual([
      { index: 1, field: 'unitPriceCents' }, { index: 1, field: 'unitDivisor' },
    ]);
  });

  it('explains the problem in words', () => {
    expect(validateTiers([tier(0, 100), tier(150, null)])[0].message).toContain("previous tier's end (100)");
  });
});
