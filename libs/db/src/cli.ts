// `scai-db`: Prisma client generation and migrations for an app folder, offline.
// Run from the app folder (or pass --cwd); it uses prisma/schema.prisma,
// prisma/migrations/ and DATABASE_URL.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appPaths } from './app-paths.ts';
import { defaultServerUrl } from './database-url.ts';

const usage = `Usage: scai-db <command> [options]

Commands (run in an app folder, or pass --cwd <dir>):
  generate                 prisma generate, offline (extra args go to prisma)
  deploy                   create the database of DATABASE_URL if missing, apply pending migrations
  create --name <name>     write prisma/migrations/<timestamp>_<name>/migration.sql for schema changes
  check                    exit 1 when the schema has changes that no migration covers
                           (create and check only need a server: DATABASE_URL or the local default)
  status                   check, plus pending / failed / edited migrations of DATABASE_URL's database
`;

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return url;
}

/** `create` and `check` only need a server for their shadow database. */
function serverUrl(): string {
  return process.env.DATABASE_URL || defaultServerUrl;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      cwd: { type: 'string' },
      name: { type: 'string', short: 'n' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(usage);
    return command ? 0 : 1;
  }
  const appDir = resolve(typeof values.cwd === 'string' ? values.cwd : process.cwd());
  const paths = appPaths(appDir);

  switch (command) {
    case 'generate': {
      // Loaded lazily so `generate` never loads pg or the wasm engine.
      const { prismaGenerate } = await import('./prisma-generate.ts');
      const passThrough = argv.filter((arg, i) => arg !== 'generate' && !(arg === '--cwd' || argv[i - 1] === '--cwd'));
      await prismaGenerate(appDir, passThrough);
      return 0;
    }
    case 'deploy': {
      const { migrateDatabase } = await import('./migrate.ts');
      const { applied } = await migrateDatabase({ databaseUrl: databaseUrl(), ...paths });
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'No pending migrations.');
      return 0;
    }
    case 'create': {
      const name = typeof values.name === 'string' ? values.name : rest[0];
      if (!name) throw new Error('create needs a name: scai-db create --name <name>');
      const { createMigration } = await import('./migrate.ts');
      const dir = await createMigration({ databaseUrl: serverUrl(), ...paths, name });
      console.log(dir ? `Created ${dir}` : 'Nothing to do: the migrations already cover the schema.');
      return 0;
    }
    case 'check': {
      const { unmigratedChanges } = await import('./migrate.ts');
      const changes = await unmigratedChanges({ databaseUrl: serverUrl(), ...paths });
      if (!changes) {
        console.log('The migrations cover the schema.');
        return 0;
      }
      console.error(`The schema has changes that no migration covers (run \`scai-db create --name <name>\`):\n\n${changes}`);
      return 1;
    }
    case 'status': {
      const { migrationStatus, formatStatus } = await import('./status.ts');
      const status = await migrationStatus({ databaseUrl: databaseUrl(), ...paths });
      const text = formatStatus(status);
      (status.inSync ? console.log : console.error)(text);
      return status.inSync ? 0 : 1;
    }
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${usage}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
