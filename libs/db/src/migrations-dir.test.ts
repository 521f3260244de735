import { describe, expect, it } from 'vitest';
import { migrationSlug, migrationTimestamp } from './migrations-dir.ts';

describe('migrationSlug', () => {
  it('makes snake_case names like the Prisma CLI', () => {
    expect(migrationSlug('addInvoices')).toBe('add_invoices');
    expect(migrationSlug('Add invoice lines!')).toBe('add_invoice_lines');
    expect(migrationSlug('  --init-- ')).toBe('init');
    expect(migrationSlug('x'.repeat(300))).toHaveLength(200);
  });

  it('leaves nothing for names without letters or digits', () => {
    expect(migrationSlug('***')).toBe('');
  });
});

describe('migrationTimestamp', () => {
  it('is yyyyMMddHHmmss in UTC', () => {
    expect(migrationTimestamp(new Date('2025-03-04T05:06:07.890Z'))).toBe('20250304050607');
  });
});
