import { validationFailed } from '@scai/api';

/** 422 naming every empty required string field of a request. */
export function requireFields(fields: Record<string, string | undefined>): void {
  const missing = Object.entries(fields).filter(([, value]) => !value);
  if (missing.length) {
    throw validationFailed(missing.map(([name]) => ({ loc: ['body', name], msg: 'Field required', type: 'missing' })));
  }
}
