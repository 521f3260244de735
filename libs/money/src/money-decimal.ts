import { Decimal } from 'decimal.js';

/**
 * The library's own Decimal constructor. A clone, so nobody else's `Decimal.set` can
 * change how money is computed and we never change theirs. 40 significant digits hold
 * any product of two safe integers (≤ 32 digits) exactly; half-even is the rounding
 * mode for whatever intermediate step still has to round.
 */
export const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
