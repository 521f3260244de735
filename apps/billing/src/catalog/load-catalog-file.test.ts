import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_FILE } from '../config.ts';
import { CatalogFileError, loadCatalogFile } from './load-catalog-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
let n = 0;
function fileWith(text: string): string {
  n += 1;
  const path = join(dir, `catalog-${n}.yaml`);
  writeFileSync(path, text);
  return path;
}

function problemsOf(path: string): string[] {
  try {
    loadCatalogFile(path);
  } catch (error) {
    if (error instanceof CatalogFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const plan = (extra: string) => `version: 1
services:
  - slug: chat
    name: Chat
    plans:
      - slug: pro
        name: Pro
        tier: pro
        billing_period: monthly
        base_price_cents: 2900
        currency: EUR
${extra}`;

describe('loadCatalogFile', () => {
  it('loads the default catalog', () => {
    const { file, contentHash } = loadCatalogFile(DEFAULT_CATALOG_FILE);
    expect(file.services.length).toBeGreaterThanOrEqual(2);
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names file, line and field of a wrong type', () => {
    const path = fileWith(plan('        trial_days: fourteen\n'));
    expect(problemsOf(path)).toEqual([expect.stringMatching(new RegExp(`^${path}:12:21: services\\.0\\.plans\\.0\\.trial_days: must be integer`))]);
  });

  it('names unknown fields, fractional and negative prices', () => {
    const path = fileWith(plan('        colour: red\n').replace('2900', '-29.5'));
    const problems = problemsOf(path).join('\n');
    expect(problems).toContain('(colour)');
    expect(problems).toMatch(/:10:\d+: services\.0\.plans\.0\.base_price_cents/);
  });

  it('checks what a schema cannot: the currency exists, tiers join up, pack items name plans', () => {
    const path = fileWith(
      plan(`        pricing_tiers:
          - { metric: tokens, tier_start: 0, tier_end: 100, unit_price_cents: 1, unit_label: t, unit_divisor: 1 }
          - { metric: tokens, tier_start: 150, unit_price_cents: 1, unit_label: t, unit_divisor: 1 }
packs:
  - slug: duo
    name: Duo
    discount_type: percentage
    discount_percent: "10"
    currency: EUR
    billing_period: monthly
    items: [{ plan_key: chat.missing }]
`).replace('currency: EUR\n        pricing', 'currency: XYZ\n        pricing'),
    );
    const problems = problemsOf(path);
    expect(problems).toEqual([
      expect.stringMatching(/:11:\d+: services\.0\.plans\.0\.currency: must be an active ISO 4217/),
      expect.stringMatching(/:14:\d+: services\.0\.plans\.0\.pricing_tiers\.1\.tier_start:/),
      expect.stringMatching(/:22:\d+: packs\.0\.items\.0\.plan_key: no plan chat\.missing/),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const path = fileWith('version: 1\nservices: [\n');
    expect(problemsOf(path)[0]).toMatch(new RegExp(`^${path}:\\d+:\\d+: `));
  });
});
