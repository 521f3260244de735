import { checkVAT, countries, type Country } from 'jsvat';

/** VAT numbers are written with spaces, dots and dashes; compared and stored without. */
export function normalizeVatNumber(raw: string): string {
  return raw.replace(/[\s.\-]/g, '').toUpperCase();
}

function jsvatCountry(countryCode: string): Country | undefined {
  return countries.find((country) => country.codes.includes(countryCode));
}

/** Greece writes EL in front of its VAT numbers, not its ISO code. */
const VAT_PREFIX: Record<string, string> = { GR: 'EL' };

export type VatCheck = { ok: true; value: string } | { ok: false; reason: string };

/**
 * A VAT number checked against its country's format and check digits (jsvat), when jsvat
 * knows the country (every EU member state and a few neighbours); elsewhere only its
 * shape. A number without its country prefix gets it.
 */
export function checkVatNumber(raw: string, countryCode: string): VatCheck {
  let value = normalizeVatNumber(raw);
  const country = jsvatCountry(countryCode);
  if (!country) {
    return /^[A-Z0-9]{4,20}$/.test(value) ? { ok: true, value } : { ok: false, reason: 'must be 4 to 20 letters or digits' };
  }
  const prefix = VAT_PREFIX[countryCode] ?? countryCode;
  if (/^\d/.test(value)) value = `${prefix}${value}`;
  const result = checkVAT(value, [country]);
  if (result.isValid) return { ok: true, value: result.value ?? value };
  return { ok: false, reason: `is not a valid ${country.name} VAT number` };
}
