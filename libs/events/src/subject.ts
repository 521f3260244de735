// A NATS token: no whitespace, no dots, and wildcards only as whole tokens.
const TOKEN = /^[A-Za-z0-9_-]+$/;

/**
 * The NATS subject of an event type or type pattern: the first token (`scai`) is
 * replaced by the deployment's prefix, so tests and environments never see each
 * other's events. `scai.partners.partner.deleted` + `t_x` → `t_x.partners.partner.deleted`;
 * `scai.partners.>` + `t_x` → `t_x.partners.>`.
 */
export function subjectFor(type: string, prefix: string): string {
  const tokens = type.split('.');
  if (tokens.length < 2) throw new TypeError(`event type "${type}" needs at least two tokens`);
  tokens.slice(1).forEach((token, i) => {
    const last = i === tokens.length - 2;
    if (TOKEN.test(token) || token === '*' || (token === '>' && last)) return;
    throw new TypeError(`event type "${type}" has an invalid token "${token}"`);
  });
  if (!prefix.split('.').every((token) => TOKEN.test(token))) {
    throw new TypeError(`subject prefix "${prefix}" is not a valid NATS subject prefix`);
  }
  return [prefix, ...tokens.slice(1)].join('.');
}
