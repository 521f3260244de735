import { isCurrency, unknownCurrency } from './currency.ts';
import { MoneyDecimal } from './money-decimal.ts';
import { MoneyError } from './money-error.ts';
import { money, type Money } from './money.ts';
import { roundHalfEvenQuotient } from './rounding.ts';
import { validateTiers, type UsageTier } from './usage-tiers.ts';

export interface TierCharge {
  tierIndex: number;
  quantity: number;
  /**
   * quantity × unitPriceCents / unitDivisor as a plain decimal string. Exact whenever
   * the divisor has no prime factors but 2 and 5 (1, 10, 1,000, …); otherwise cut to 40
   * significant digits — for display only, the amount is computed exactly.
   */
  exactMinor: string;
}

export interface UsageCharge {
  /** The exact total rounded once, half to even. */
  amount: Money;
  /** The unrounded total as a decimal string (same precision note as `exactMinor`). */
  exactTotalMinor: string;
  /** The tiers that received units, in order. */
  breakdown: TierCharge[];
}

/** Graduated pricing: each unit is charged at the price of the tier it falls in. */
export function priceUsage(tiers: readonly UsageTier[], quantity: number, currency: string): UsageCharge {
  if (!isCurrency(currency)) throw unknownCurrency(currency);
  const problems = validateTiers(tiers);
  if (problems.length > 0) {
    const summary = problems.map((p) => `tier ${p.index} ${p.field}: ${p.message}`).join('; ');
    throw new MoneyError('invalid_tiers', `invalid usage tiers: ${summary}`, { problems });
  }
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new MoneyError('invalid_quantity', `${String(quantity)} is not a whole number of units ≥ 0`);
  }
  const lastEnd = tiers[tiers.length - 1].tierEnd;
  if (lastEnd !== null && quantity > lastEnd) {
    // Silently charging nothing for units past the last tier would under-bill.
    throw new MoneyError('invalid_quantity', `${quantity} units exceed the last tier's end (${lastEnd})`);
  }

  const breakdown: TierCharge[] = [];
  let total: Quotient = { numerator: 0n, denominator: 1n };
  for (const [tierIndex, tier] of tiers.entries()) {
    const inTier = Math.min(quantity, tier.tierEnd ?? quantity) - tier.tierStart;
    if (inTier <= 0) break;
    const line: Quotient = { numerator: BigInt(inTier) * BigInt(tier.unitPriceCents), denominator: BigInt(tier.unitDivisor) };
    breakdown.push({ tierIndex, quantity: inTier, exactMinor: toDecimalText(line) });
    total = addQuotients(total, line);
  }

  return {
    amount: money(roundHalfEvenQuotient(total.numerator, total.denominator), currency),
    exactTotalMinor: toDecimalText(total),
    breakdown,
  };
}

// The tiers are summed as fractions, not decimals, so the one rounding at the end sees
// the true total even when divisors such as 3 or 60 give endless decimal expansions.
interface Quotient {
  numerator: bigint;
  denominator: bigint;
}

function addQuotients(a: Quotient, b: Quotient): Quotient {
  const numerator = a.numerator * b.denominator + b.numerator * a.denominator;
  const denominator = a.denominator * b.denominator;
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

function toDecimalText(q: Quotient): string {
  return new MoneyDecimal(q.numerator.toString()).div(q.denominator.toString()).toFixed();
}
