// `npm run migrate`: create every app's database when missing, apply its migrations, exit.
import { migrateAll, migratableApps } from './migrate-all.ts';
import { loadPlatformConfig } from './platform-config.ts';
import { checkPostgres } from './preflight.ts';

try {
  const config = loadPlatformConfig(process.env);
  await checkPostgres(config.DATABASE_URL);
  const options = { serverUrl: config.DATABASE_URL, databasePrefix: config.DATABASE_PREFIX };
  const applied = await migrateAll(options, (line) => console.log(line));
  for (const { app } of migratableApps(options)) {
    if ((applied[app.name] ?? []).length === 0) console.log(`${app.name}: up to date`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
