// One-shot (docker compose `seed-admin`, a Kubernetes Job): makes sure the super admin
// exists through the auth app. A generated password is printed once, when the admin is new.
import { loadConfig, optionalStr, str } from '@scai/config';
import { ensureSuperAdmin } from './ensure-admin.ts';

const schema = {
  AUTH_GRPC_URL: str('127.0.0.1:50051'),
  SCAI_ADMIN_EMAIL: str('admin@example.com'),
  SCAI_ADMIN_PASSWORD: optionalStr({ secret: true }),
};

try {
  const config = loadConfig(schema, process.env);
  const admin = await ensureSuperAdmin(config.AUTH_GRPC_URL, config.SCAI_ADMIN_EMAIL, config.SCAI_ADMIN_PASSWORD);
  if (!admin.created) console.log(`Super admin ${admin.email} already exists.`);
  else if (admin.generated) console.log(`Created super admin ${admin.email} with password ${admin.password} (shown only this once).`);
  else console.log(`Created super admin ${admin.email}.`);
} catch (error) {
  console.error(`Seeding the super admin failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
