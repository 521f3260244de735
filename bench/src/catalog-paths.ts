import type { LoadShape } from './http-load.ts';
import { measureHttp } from './http-load.ts';
import type { LoadResult } from './measure-grpc.ts';

export interface CatalogPaths {
  plans: LoadResult;
}

/** The shop window: every active public plan of the default catalog, through the gateway to the billing app. */
export async function measureCatalogPaths(platform: { gatewayUrl: string }, token: string, shape: LoadShape): Promise<CatalogPaths> {
  const plans = await measureHttp(`${platform.gatewayUrl}/api/v1/catalog/plans`, { method: 'GET', headers: { authorization: `Bearer ${token}` } }, shape);
  return { plans };
}
