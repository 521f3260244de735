import { describe, expect, it } from 'vitest';
import { looksLikeId, newId } from './ids.ts';

describe('newId', () => {
  it('prefixes the kind and sorts by creation', () => {
    const a = newId('partner');
    const b = newId('partner');
    expect(a).toMatch(/^prt_[0-9a-z]{26}$/);
    expect(looksLikeId('partner', a)).toBe(true);
    expect(looksLikeId('tenant', a)).toBe(false);
    expect(a < b || a.slice(0, 14) === b.slice(0, 14)).toBe(true);
  });
});
