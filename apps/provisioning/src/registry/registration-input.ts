import { IssueList } from '@scai/api';
import type { Registration } from './registered-service.ts';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const HEARTBEAT_INTERVAL = { min: 5, max: 3600, default: 30 };
const MAX_CAPABILITIES = 50;
const MAX_PROVISIONING_BYTES = 16_384;

export interface RegistrationInput {
  slug: string;
  name: string;
  version: string;
  description: string;
  baseUrl: string;
  healthCheckUrl: string;
  capabilities: string[];
  heartbeatIntervalSeconds: number;
  provisioningJson: string;
}

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A registration as the service sent it, checked again here (the gateway's schema is the
 * first check; gRPC callers get the same rules). Every problem is reported at once.
 */
export function registrationFrom(input: RegistrationInput): Registration {
  const issues = new IssueList();
  if (!SLUG_PATTERN.test(input.slug)) issues.add(['slug'], 'lowercase letters, digits and hyphens, 1 to 64 characters');
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) issues.add(['name'], 'between 1 and 200 characters');
  const version = input.version.trim();
  if (version.length < 1 || version.length > 64) issues.add(['version'], 'between 1 and 64 characters');
  if (input.description.length > 2000) issues.add(['description'], 'at most 2000 characters');
  if (!httpUrl(input.baseUrl)) issues.add(['base_url'], 'an http or https URL without credentials');
  if (!httpUrl(input.healthCheckUrl)) issues.add(['health_check_url'], 'an http or https URL without credentials');
  const capabilities = [...new Set(input.capabilities.map((capability) => capability.trim()))];
  if (capabilities.length > MAX_CAPABILITIES) issues.add(['capabilities'], `at most ${MAX_CAPABILITIES} capabilities`);
  capabilities.forEach((capability, index) => {
    if (capability.length < 1 || capability.length > 64) issues.add(['capabilities', index], 'between 1 and 64 characters');
  });
  const interval = input.heartbeatIntervalSeconds || HEARTBEAT_INTERVAL.default;
  if (!Number.isInteger(interval) || interval < HEARTBEAT_INTERVAL.min || interval > HEARTBEAT_INTERVAL.max) {
    issues.add(['heartbeat_interval_seconds'], `a whole number of seconds from ${HEARTBEAT_INTERVAL.min} to ${HEARTBEAT_INTERVAL.max}`);
  }
  let provisioning: Record<string, unknown> = {};
  if (Buffer.byteLength(input.provisioningJson || '{}') > MAX_PROVISIONING_BYTES) {
    issues.add(['provisioning'], `at most ${MAX_PROVISIONING_BYTES} bytes of JSON`);
  } else {
    const parsed = parseJson(input.provisioningJson || '{}');
    if (parsed === null || parsed === undefined || typeof parsed !== 'object' || Array.isArray(parsed)) issues.add(['provisioning'], 'a JSON object');
    else provisioning = parsed as Record<string, unknown>;
  }
  issues.throwIfAny();
  return {
    slug: input.slug,
    name,
    version,
    description: input.description,
    baseUrl: input.baseUrl,
    healthCheckUrl: input.healthCheckUrl,
    capabilities,
    heartbeatIntervalSeconds: interval,
    provisioning,
  };
}
