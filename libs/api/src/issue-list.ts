import { validationFailed, type ValidationIssue } from './app-error.ts';

/**
 * Collects every problem of one input before failing, so a caller fixes them all at
 * once; `loc` follows the seeds' `detail[].loc` (`["body", "settings", "min_length"]`).
 */
export class IssueList {
  private readonly issues: ValidationIssue[] = [];

  add(loc: (string | number)[], msg: string, type = 'value_error'): void {
    this.issues.push({ loc: ['body', ...loc], msg, type });
  }

  /** What was collected so far (e.g. to report a file's problems by line). */
  list(): readonly ValidationIssue[] {
    return this.issues;
  }

  /** Throws 422 `validation_error` when any issue was added. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw validationFailed(this.issues);
  }
}
