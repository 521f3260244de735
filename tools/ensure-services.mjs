#!/usr/bin/env node
// Dependency-free pre-step of `npm test`: makes sure the local PostgreSQL and NATS
// (JetStream) the tests use are up, starting the machine's own when they are down.
// With DATABASE_URL / NATS_URL pointing elsewhere, it only checks them.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';

function reachable(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function target(envUrl, fallbackHost, fallbackPort) {
  if (!envUrl) return { host: fallbackHost, port: fallbackPort, local: true };
  const url = new URL(envUrl);
  const host = url.hostname || fallbackHost;
  return { host, port: Number(url.port || fallbackPort), local: ['127.0.0.1', 'localhost', '::1'].includes(host) };
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await reachable(host, port, 250)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function tryRun(command) {
  try {
    execSync(command, { stdio: 'ignore' });
  } catch {
    // The wait below reports what is still missing.
  }
}

const services = [
  {
    name: 'PostgreSQL',
    ...target(process.env.DATABASE_URL, '127.0.0.1', 5432),
    start: () => {
      if (existsSync('/etc/postgresql')) {
        const version = readdirSync('/etc/postgresql')[0];
        tryRun(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
      }
    },
    hint: 'start PostgreSQL on 127.0.0.1:5432 (user postgres) or set DATABASE_URL',
  },
  {
    name: 'NATS',
    ...target(process.env.NATS_URL, '127.0.0.1', 4222),
    start: () => {
      if (existsSync('/usr/sbin/nats-server')) {
        tryRun(
          'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
        );
      }
    },
    hint: 'run `nats-server -js -a 127.0.0.1 -p 4222` or set NATS_URL',
  },
];

let failed = false;
for (const service of services) {
  if (await reachable(service.host, service.port)) continue;
  if (service.local) service.start();
  if (!(await waitFor(service.host, service.port, 15))) {
    console.error(`${service.name} is not reachable at ${service.host}:${service.port}: ${service.hint}.`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
