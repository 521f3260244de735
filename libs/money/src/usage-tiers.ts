/**
 * One band of graduated usage pricing: units in [tierStart, tierEnd) cost
 * `unitPriceCents` minor units per `unitDivisor` units (25 per 1,000 tokens is
 * unitPriceCents 25, unitDivisor 1000). `tierEnd` null is unbounded.
 */
export interface UsageTier {
  tierStart: number;
  tierEnd: number | null;
  unitPriceCents: number;
  unitLabel: string;
  unitDivisor: number;
}

/** `field` names the `UsageTier` property at fault, so a caller can point at it. */
export interface TierProblem {
  index: number;
  field: keyof UsageTier;
  message: string;
}

/**
 * Every reason the list cannot price usage: tiers start at 0, each starts where the
 * previous ended (which rules out gaps, overlaps and wrong order at once), only the
 * last may be unbounded, prices are whole minor units ≥ 0 and divisors whole units ≥ 1.
 */
export function validateTiers(tiers: readonly UsageTier[]): TierProblem[] {
  if (tiers.length === 0) return [{ index: 0, field: 'tierStart', message: 'at least one tier is required, starting at 0' }];
  return tiers.flatMap((tier, index) => tierProblems(tier, index, tiers));
}

function tierProblems(tier: UsageTier, index: number, tiers: readonly UsageTier[]): TierProblem[] {
  const problems: TierProblem[] = [];
  const problem = (field: keyof UsageTier, message: string) => problems.push({ index, field, message });
  const previousEnd = index === 0 ? 0 : tiers[index - 1].tierEnd;

  if (!isCount(tier.tierStart)) problem('tierStart', 'must be a whole number ≥ 0');
  else if (index === 0 && tier.tierStart !== 0) problem('tierStart', 'the first tier must start at 0');
  // An invalid or null previous end is reported on the previous tier; don't report it twice.
  else if (index > 0 && isCount(previousEnd) && tier.tierStart !== previousEnd) {
    problem('tierStart', `must equal the previous tier's end (${previousEnd}): tiers are sorted, contiguous and do not overlap`);
  }

  if (tier.tierEnd === null) {
    if (index !== tiers.length - 1) problem('tierEnd', 'only the last tier may be unbounded (null)');
  } else if (!isCount(tier.tierEnd)) problem('tierEnd', 'must be a whole number or null');
  else if (isCount(tier.tierStart) && tier.tierEnd <= tier.tierStart) problem('tierEnd', 'must be greater than tierStart');

  if (!isCount(tier.unitPriceCents)) problem('unitPriceCents', 'must be a whole number of minor units ≥ 0');
  if (!isCount(tier.unitDivisor) || tier.unitDivisor < 1) problem('unitDivisor', 'must be a whole number ≥ 1');
  return problems;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
