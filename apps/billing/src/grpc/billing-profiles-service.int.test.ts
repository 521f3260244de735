import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { billing } from '@scai/proto';
import { startTestService, type TestService } from '@scai/service/testing';
import { createApp } from '../app.ts';
import { loadBillingConfig } from '../config.ts';
import { fixedTenantDirectory } from '../profiles/tenant-directory.ts';
import { createPrisma, type Db } from '../store/prisma.ts';
import { callerWith } from '../testing/callers.ts';

const tenantA = { id: 'tnt_a', partnerId: 'prt_p', active: true };
const tenantB = { id: 'tnt_b', partnerId: 'prt_q', active: true };
const tenantC = { id: 'tnt_c', partnerId: 'prt_p', active: true };
const tenantD = { id: 'tnt_d', partnerId: 'prt_q', active: true };

const root = { caller: callerWith('super_admin') };
const adminA = { caller: callerWith('tenant_admin', { tenantId: 'tnt_a', partnerId: 'prt_p' }) };
const memberA = { caller: callerWith('tenant_member', { tenantId: 'tnt_a', partnerId: 'prt_p' }) };
const adminB = { caller: callerWith('tenant_admin', { tenantId: 'tnt_b', partnerId: 'prt_q' }) };
const partnerP = { caller: callerWith('partner_admin', { partnerId: 'prt_p' }) };

const servantus = (overrides: Partial<billing.v1.BillingProfileFields> = {}): billing.v1.BillingProfileFields => ({
  companyName: 'Servantus B.V.',
  addressLine1: 'Keizersgracht 1',
  postalCode: '1015 AA',
  city: 'Amsterdam',
  countryCode: 'NL',
  vatNumber: 'NL004495445B01',
  taxExempt: false,
  contactEmail: 'billing@servantus.nl',
  isBusiness: true,
  preferredEinvoiceFormat: 'ubl',
  preferredLanguage: 'nl',
  ...overrides,
});

interface OutboxRow {
  type: string;
  data: Record<string, unknown>;
}

describe('billing profiles over gRPC', () => {
  let service: TestService<Awaited<ReturnType<typeof createApp>>>;
  let profiles: BoundClient<billing.v1.BillingProfilesServiceClient>;
  let prisma: Db;
  let close: () => void = () => undefined;

  const eventsFor = async (tenantId: string): Promise<OutboxRow[]> =>
    prisma.$queryRawUnsafe<OutboxRow[]>(
      "SELECT payload->>'type' AS type, payload->'data' AS data FROM outbox_events WHERE payload->>'subject' = $1 ORDER BY created_at, id",
      tenantId,
    );

  beforeAll(async () => {
    const tenants = fixedTenantDirectory([tenantA, tenantB, tenantC, tenantD]);
    service = await startTestService({
      name: 'billing',
      createApp: (env, logger) => createApp(loadBillingConfig({ ...env, CATALOG_FILE: '' }), { logger, tenants }),
    });
    const client = createChannelClient(billing.v1.BillingProfilesServiceClient, service.grpcAddress);
    close = () => client.close();
    profiles = bindClient(client);
    prisma = createPrisma(service.databaseUrl);
  });

  afterAll(async () => {
    close();
    await prisma?.$disconnect();
    await service?.stop();
  });

  it('a tenant has no profile until its admin saves one; the first save links it, once', async () => {
    expect((await profiles.getBillingProfile({ tenantId: 'tnt_a' }, memberA)).profile).toBeUndefined();
    await expect(profiles.putBillingProfile({ tenantId: 'tnt_a', fields: servantus() }, memberA)).rejects.toMatchObject({ code: 'forbidden' });

    const first = await profiles.putBillingProfile({ tenantId: 'tnt_a', fields: servantus() }, adminA);
    expect(first.created).toBe(true);
    expect(first.profile).toMatchObject({ tenantId: 'tnt_a', partnerId: 'prt_p', missingForCommerce: [] });
    expect(first.profile?.fields).toMatchObject({ companyName: 'Servantus B.V.', vatNumber: 'NL004495445B01', preferredLanguage: 'nl' });

    const again = await profiles.putBillingProfile({ tenantId: 'tnt_a', fields: servantus() }, adminA);
    expect(again.created).toBe(false);
    expect(await eventsFor('tnt_a')).toEqual([
      {
        type: 'scai.billing.tenant.billing_linked',
        data: {
          tenant_id: 'tnt_a',
          partner_id: 'prt_p',
          scaicontrol_customer_id: 'tnt_a',
          company_name: 'Servantus B.V.',
          country_code: 'NL',
          vat_number: 'NL004495445B01',
          contact_email: 'billing@servantus.nl',
          linked_at: first.profile?.createdAt,
        },
      },
    ]);
  });

  it('a later change publishes billing_updated with the changed fields only', async () => {
    const { profile } = await profiles.putBillingProfile({ tenantId: 'tnt_a', fields: servantus({ contactEmail: 'ap@servantus.nl', phone: '+31 20 123 4567' }) }, adminA);
    expect(profile?.fields).toMatchObject({ contactEmail: 'ap@servantus.nl', phone: '+31 20 123 4567' });
    const events = await eventsFor('tnt_a');
    expect(events.map((event) => event.type)).toEqual(['scai.billing.tenant.billing_linked', 'scai.billing.tenant.billing_updated']);
    expect(events[1].data).toMatchObject({ changed_fields: ['contact_email', 'phone'], contact_email: 'ap@servantus.nl', updated_at: profile?.updatedAt });
  });

  it('bad input is 422 naming each field, and nothing is written', async () => {
    const before = await profiles.getBillingProfile({ tenantId: 'tnt_a' }, adminA);
    const attempt = profiles.putBillingProfile({ tenantId: 'tnt_a', fields: servantus({ countryCode: 'DE', preferredLanguage: 'sv' }) }, adminA);
    await expect(attempt).rejects.toMatchObject({ code: 'validation_error' });
    const error = (await attempt.catch((caught: unknown) => caught)) as { issues: { loc: string[] }[] };
    expect(error.issues.map((issue) => issue.loc.at(-1)).sort()).toEqual(['preferred_language', 'vat_number']);
    expect(await profiles.getBillingProfile({ tenantId: 'tnt_a' }, adminA)).toEqual(before);
    expect(await eventsFor('tnt_a')).toHaveLength(2);
  });

  it('reach: another tenant’s admin gets 404, a partner admin reaches only its own partner’s tenants', async () => {
    await expect(profiles.getBillingProfile({ tenantId: 'tnt_a' }, adminB)).rejects.toMatchObject({ code: 'not_found' });
    await expect(profiles.putBillingProfile({ tenantId: 'tnt_a', fields: servantus() }, adminB)).rejects.toMatchObject({ code: 'not_found' });
    await expect(profiles.getBillingProfile({ tenantId: 'tnt_b' }, partnerP)).rejects.toMatchObject({ code: 'not_found' });
    await expect(profiles.getBillingProfile({ tenantId: 'tnt_nope' }, root)).rejects.toMatchObject({ code: 'not_found' });
    expect((await profiles.getBillingProfile({ tenantId: 'tnt_a' }, partnerP)).profile?.tenantId).toBe('tnt_a');

    const byPartner = await profiles.putBillingProfile({ tenantId: 'tnt_c', fields: servantus({ companyName: 'Child Co', vatNumber: undefined, contactEmail: undefined }) }, partnerP);
    expect(byPartner.profile?.missingForCommerce).toEqual(['contact_email']);
    await profiles.putBillingProfile({ tenantId: 'tnt_b', fields: servantus({ companyName: 'Other Partner GmbH', countryCode: 'DE', vatNumber: 'DE136695976' }) }, adminB);

    const { summaries } = await profiles.listBillingSummaries({ tenantIds: ['tnt_a', 'tnt_b', 'tnt_c'] }, partnerP);
    expect(summaries.map((summary) => [summary.tenantId, summary.readyForCommerce]).sort()).toEqual([['tnt_a', true], ['tnt_c', false]]);
    await expect(profiles.listBillingSummaries({ tenantIds: ['tnt_a'] }, adminA)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('concurrent first saves of one tenant link it exactly once', async () => {
    const saves = await Promise.all(
      Array.from({ length: 6 }, (_, index) => profiles.putBillingProfile({ tenantId: 'tnt_d', fields: servantus({ companyName: `Race ${index % 2}` }) }, root)),
    );
    expect(saves.filter((save) => save.created)).toHaveLength(1);
    const types = (await eventsFor('tnt_d')).map((event) => event.type);
    expect(types.filter((type) => type.endsWith('billing_linked'))).toHaveLength(1);
    // Each later save that flipped the name is one update; a save that changed nothing is none.
    expect(types.length).toBeLessThanOrEqual(6);
  });
});
