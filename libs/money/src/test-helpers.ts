import { expect } from 'vitest';
import { isMoneyError, type MoneyErrorCode } from './money-error.ts';

/** Asserts that `run` throws a MoneyError with `code`, and returns it for further checks. */
export function expectMoneyError(run: () => unknown, code: MoneyErrorCode) {
  try {
    run();
  } catch (error) {
    expect(isMoneyError(error), `expected a MoneyError, got ${String(error)}`).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    return error;
  }
  throw new Error(`expected a MoneyError '${code}', but nothing was thrown`);
}
