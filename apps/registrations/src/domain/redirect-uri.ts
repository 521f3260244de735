const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * A redirect URI must be absolute and secure: https, or plain http only on the
 * loopback host (a developer's machine). Fragments are refused (RFC 6749 §3.1.2).
 */
export function isAcceptableRedirectUri(value: string): boolean {
  const url = parse(value);
  if (!url || url.hash !== '' || value.includes('#')) return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  if (url.protocol === 'http:') return LOOPBACK_HOSTS.has(url.hostname);
  return false;
}

/** An allowed CORS origin: scheme and host (and port) only, under the same transport rule. */
export function isAcceptableOrigin(value: string): boolean {
  const url = parse(value);
  if (!url || url.origin !== value.replace(/\/$/, '')) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** A public web page (website_url): any absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  const url = parse(value);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
}
