import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFreeSlug, isSlug, slugFromName } from './slug.ts';

describe('slugFromName', () => {
  it.each([
    ['Acme Corporation', 'acme-corporation'],
    ['  Café Zürich & Søn  ', 'cafe-zurich-s-n'],
    ['ÅNGSTRÖM---Labs!!', 'angstrom-labs'],
    ['Partner 42', 'partner-42'],
  ])('%s → %s', (name, slug) => {
    expect(slugFromName(name, 'partner')).toBe(slug);
  });

  it('falls back when nothing usable is left', () => {
    expect(slugFromName('日本', 'tenant')).toBe('tenant');
    expect(slugFromName('x', 'tenant')).toBe('tenant');
  });

  it('always answers a valid slug with room for a suffix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (name) => {
        const slug = slugFromName(name, 'partner');
        expect(isSlug(slug)).toBe(true);
        expect(isSlug(`${slug}-9999`)).toBe(true);
      }),
    );
  });
});

describe('firstFreeSlug', () => {
  it('keeps the base when free, else the first free numbered suffix', () => {
    expect(firstFreeSlug('acme', [])).toBe('acme');
    expect(firstFreeSlug('acme', ['acme-2'])).toBe('acme');
    expect(firstFreeSlug('acme', ['acme', 'acme-2', 'acme-4'])).toBe('acme-3');
    expect(firstFreeSlug('acme', ['acme', 'acme-corp'])).toBe('acme-2');
  });
});
