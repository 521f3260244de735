import { describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { registrationFrom, type RegistrationInput } from './registration-input.ts';

const input = (overrides: Partial<RegistrationInput> = {}): RegistrationInput => ({
  slug: 'scai-chat',
  name: ' Chat ',
  version: '2.0.0',
  description: '',
  baseUrl: 'https://chat.internal',
  healthCheckUrl: 'https://chat.internal/healthz',
  capabilities: ['usage', 'usage', 'provisioning'],
  heartbeatIntervalSeconds: 0,
  provisioningJson: '',
  ...overrides,
});

function issuesOf(overrides: Partial<RegistrationInput>): string[] {
  try {
    registrationFrom(input(overrides));
  } catch (error) {
    if (error instanceof AppError) return (error.issues ?? []).map((issue) => issue.loc.join('.'));
    throw error;
  }
  return [];
}

describe('registrationFrom', () => {
  it('normalises a good registration: trimmed name, unique capabilities, default interval, empty provisioning', () => {
    expect(registrationFrom(input())).toMatchObject({ name: 'Chat', capabilities: ['usage', 'provisioning'], heartbeatIntervalSeconds: 30, provisioning: {} });
  });

  it('reports every problem at once', () => {
    expect(
      issuesOf({ slug: 'Not A Slug', name: '', baseUrl: 'ftp://x', healthCheckUrl: 'https://user:pw@x', heartbeatIntervalSeconds: 2, provisioningJson: '[1]', capabilities: [''] }),
    ).toEqual(['body.slug', 'body.name', 'body.base_url', 'body.health_check_url', 'body.capabilities.0', 'body.heartbeat_interval_seconds', 'body.provisioning']);
    expect(issuesOf({ provisioningJson: '{not json' })).toEqual(['body.provisioning']);
    expect(issuesOf({ provisioningJson: JSON.stringify({ blob: 'x'.repeat(20_000) }) })).toEqual(['body.provisioning']);
  });
});
