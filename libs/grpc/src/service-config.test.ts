import { describe, expect, it } from 'vitest';
import { channelServiceConfig, RETRY_MAX_ATTEMPTS } from './service-config.ts';

const method = (path: string) => ({ path }) as never;

describe('channelServiceConfig', () => {
  it('balances round-robin and retries only the reads on UNAVAILABLE', () => {
    const config = JSON.parse(
      channelServiceConfig({
        GetPartner: method('/scai.partners.v1.PartnersService/GetPartner'),
        ListPartners: method('/scai.partners.v1.PartnersService/ListPartners'),
        DeletePartner: method('/scai.partners.v1.PartnersService/DeletePartner'),
      }),
    );
    expect(config.loadBalancingConfig).toEqual([{ round_robin: {} }]);
    expect(config.methodConfig).toHaveLength(1);
    expect(config.methodConfig[0].name).toEqual([
      { service: 'scai.partners.v1.PartnersService', method: 'GetPartner' },
      { service: 'scai.partners.v1.PartnersService', method: 'ListPartners' },
    ]);
    expect(config.methodConfig[0].retryPolicy).toMatchObject({ maxAttempts: RETRY_MAX_ATTEMPTS, retryableStatusCodes: ['UNAVAILABLE'] });
  });

  it('has no retry policy for a service without reads', () => {
    const config = JSON.parse(channelServiceConfig({ Echo: method('/echo.v1.EchoService/Echo') }));
    expect(config.methodConfig).toEqual([]);
  });
});
