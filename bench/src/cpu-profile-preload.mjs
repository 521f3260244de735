// Loaded into the gateway with NODE_OPTIONS=--import (Node 20 refuses --cpu-prof there):
// profiles the whole process with V8's sampling profiler and writes a `.cpuprofile` to
// BENCH_PROFILE_FILE when the process exits. The gateway's SIGTERM handler ends in
// process.exit, and an in-process inspector session answers synchronously, so the
// profile is complete by the time the 'exit' handlers return.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.BENCH_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  // 1 ms, as `--cpu-prof` samples by default.
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
