/**
 * A Leitweg-ID (German public buyers, XRechnung BT-10): a coarse address of 2 to 12
 * digits, an optional fine address of up to 30 letters or digits, and two check digits,
 * joined by hyphens. The check digits follow ISO 7064 MOD 97-10 over the rest, as IBANs do.
 */
const SHAPE = /^(\d{2,12})(?:-([A-Z0-9]{1,30}))?-(\d{2})$/;

export function isValidLeitwegId(value: string): boolean {
  const match = SHAPE.exec(value.toUpperCase());
  if (!match) return false;
  const [, coarse, fine = '', check] = match;
  const numeric = `${coarse}${fine}${check}`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return mod97(numeric) === 1;
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}
