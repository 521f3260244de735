import { afterAll, beforeAll, describe, it } from 'vitest';
import { consumerBurstKill } from './consumer-burst-kill.ts';
import { startCrashPlatform, type CrashPlatform } from './crash-platform.ts';
import { partnerDeleteKill } from './partner-delete-kill.ts';
import { sigtermUnderLoad } from './sigterm-under-load.ts';

// One platform for the three scenarios (starting one takes most of a minute); each
// scenario leaves every app it killed running again, except the last, which ends with
// no partners instance at all.
describe('crash tests on real processes', () => {
  let ctx: CrashPlatform;
  beforeAll(async () => {
    ctx = await startCrashPlatform();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('kill -9 of partners between the soft delete and the publish: the tenants are suspended once', () => partnerDeleteKill(ctx));

  it('kill -9 of a consumer halfway through 1,000 events: each effect happens exactly once', () => consumerBurstKill(ctx));

  it('SIGTERM of one of two partners instances under load: no failed request; none left: 503', () => sigtermUnderLoad(ctx));
});
