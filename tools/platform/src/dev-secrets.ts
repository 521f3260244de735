import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Secrets the apps need, by environment variable, with the apps that read them.
 * Production sets them; in development they are generated once and kept in the
 * gitignored `.platform/dev-secrets.json`, so a restart keeps issued tokens valid.
 */
export const appSecrets: Readonly<Record<string, readonly string[]>> = {
  /** HMAC key for machine-generated secrets (client secrets, API keys, refresh tokens). */
  TOKEN_PEPPER: ['auth'],
  /** Encrypts the private signing keys (and, derived, TOTP secrets) at rest. */
  SIGNING_KEY_ENCRYPTION_KEY: ['auth'],
  /** HMAC key for the status tokens of public self-registration. */
  STATUS_TOKEN_PEPPER: ['registrations'],
  /** Encrypts a public request's client secret until the requester reads it once. */
  CREDENTIALS_ENCRYPTION_KEY: ['registrations'],
};

/** How each secret is written (apps/auth/src/config.ts): 32 random bytes either way. */
const secretEncodings: Readonly<Record<string, BufferEncoding>> = {
  TOKEN_PEPPER: 'hex',
  SIGNING_KEY_ENCRYPTION_KEY: 'base64',
  STATUS_TOKEN_PEPPER: 'hex',
  CREDENTIALS_ENCRYPTION_KEY: 'base64',
};

export type Secrets = Record<string, string>;

/** 256 random bits, base64url unless another encoding is asked for. */
export function generateSecret(encoding: BufferEncoding = 'base64url'): string {
  return randomBytes(32).toString(encoding);
}

/**
 * The secrets the environment does not set, read from `file` or generated into it.
 * Values in `env` win and are never written to the file.
 */
export async function ensureDevSecrets(file: string, env: Record<string, string | undefined>): Promise<Secrets> {
  const stored = await readSecretsFile(file);
  const result: Secrets = {};
  let changed = false;
  for (const name of Object.keys(appSecrets)) {
    const fromEnv = env[name];
    if (fromEnv) {
      result[name] = fromEnv;
      continue;
    }
    if (!stored[name]) {
      stored[name] = generateSecret(secretEncodings[name]);
      changed = true;
    }
    result[name] = stored[name];
  }
  if (changed) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  }
  return result;
}

/** In production every secret comes from the environment; names the missing ones. */
export function requireProductionSecrets(env: Record<string, string | undefined>): Secrets {
  const missing = Object.keys(appSecrets).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`NODE_ENV=production needs ${missing.join(', ')} set; dev secrets are never generated in production.`);
  }
  return Object.fromEntries(Object.keys(appSecrets).map((name) => [name, env[name] as string]));
}

async function readSecretsFile(file: string): Promise<Secrets> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${file} is not a JSON object; delete it to generate new dev secrets.`);
  }
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
