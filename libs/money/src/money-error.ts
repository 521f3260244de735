/** Why a money operation refused its input; callers map these to their own error shape. */
export type MoneyErrorCode =
  | 'invalid_amount'
  | 'unknown_currency'
  | 'currency_mismatch'
  | 'overflow'
  | 'invalid_tiers'
  | 'invalid_quantity'
  | 'invalid_period'
  | 'invalid_percentage'
  | 'invalid_proration';

/**
 * The one error this library throws. It carries a machine code so an app can turn it
 * into a 400/422 without parsing messages; it does not extend `AppError` so the library
 * stays free of transport concerns.
 */
export class MoneyError extends Error {
  readonly code: MoneyErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: MoneyErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'MoneyError';
    this.code = code;
    this.details = details;
  }
}

export function isMoneyError(error: unknown): error is MoneyError {
  return error instanceof MoneyError;
}
