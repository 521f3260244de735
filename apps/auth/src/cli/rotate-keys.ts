// `npm run rotate-keys [-- --force]`: promotes the published next signing key to active,
// keeps the previous key in the JWKS until its tokens have expired, and publishes a new
// next key. Refuses while the next key is younger than SIGNING_KEY_PUBLISH_LEAD_SECONDS
// (verifiers may not have fetched it yet) unless --force. New keys use SIGNING_KEY_ALG; a
// next key of another algorithm (the setting changed) is replaced first, so with --force
// the switch happens at once, without it after the lead time.
import { parseArgs } from 'node:util';
import { loadAuthConfig, resolveSecrets } from '../config.ts';
import { SigningKeys } from '../keys/signing-keys.ts';
import { createPrisma } from '../store/prisma.ts';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
const config = loadAuthConfig();
const secrets = resolveSecrets(config);
const db = createPrisma(config.DATABASE_URL);
try {
  const keys = new SigningKeys(db, {
    encryptionKey: secrets.signingKeyEncryptionKey,
    publishLeadSeconds: config.SIGNING_KEY_PUBLISH_LEAD_SECONDS,
    adminTokenTtlSeconds: config.ADMIN_ACCESS_TOKEN_TTL_SECONDS,
    alg: config.SIGNING_KEY_ALG,
  });
  await keys.ensureKeys();
  const result = await keys.rotate({ force: values.force });
  if (result.rotated) {
    console.log(`Active key: ${result.activeKid}. Next key published: ${result.nextKid}.`);
    if (result.retiredKid) console.log(`Retired ${result.retiredKid}; it stays in the JWKS until ${result.retireAfter?.toISOString()}.`);
  } else {
    console.log(`Not rotated: ${result.reason} (next key ${result.nextKid}; try again in ${result.retryAfterSeconds} s, or pass --force).`);
    process.exitCode = 2;
  }
} finally {
  await db.$disconnect();
}
