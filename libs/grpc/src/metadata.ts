import type * as grpc from '@grpc/grpc-js';

/** Metadata keys of docs/contracts.md ("Identity on the wire", "Errors"). */
export const CALLER_KEY = 'x-scai-caller';
export const REQUEST_ID_KEY = 'x-request-id';
export const ERROR_CODE_KEY = 'x-error-code';
export const ERROR_DETAILS_KEY = 'x-error-details';
export const ERROR_ISSUES_KEY = 'x-error-issues';
/** AppError.headers (e.g. `retry-after` of rate_limited), so the gateway can answer with them. */
export const ERROR_HEADERS_KEY = 'x-error-headers';

/** The first string value of a metadata key, if any. */
export function readMetadata(metadata: grpc.Metadata | undefined, key: string): string | undefined {
  for (const value of metadata?.get(key) ?? []) {
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * JSON for a metadata value. Non-binary metadata must be printable ASCII (grpc-js
 * rejects anything else), so every other character is written as a \u escape, which
 * JSON.parse reads back unchanged.
 */
export function metadataJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function parseMetadataJson(metadata: grpc.Metadata | undefined, key: string): unknown {
  const raw = readMetadata(metadata, key);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** `/partners.v1.PartnersService/GetPartner` → service and method, for spans and logs. */
export function splitPath(path: string): { service: string; method: string } {
  const [, service = '', method = ''] = /^\/?([^/]*)\/(.*)$/.exec(path) ?? [];
  return { service, method };
}
