/** The gateway's public paths the starter probes and prints (api-catalog.md, Untagged). */
export const gatewayPaths = {
  health: '/api/v1/health',
  reference: '/api/v1/reference',
  openapi: '/api/v1/openapi.json',
} as const;

export interface GatewayUrls {
  gateway: string;
  health: string;
  reference: string;
  openapi: string;
}

export function gatewayUrls(origin: string): GatewayUrls {
  const base = origin.replace(/\/+$/, '');
  return {
    gateway: base,
    health: `${base}${gatewayPaths.health}`,
    reference: `${base}${gatewayPaths.reference}`,
    openapi: `${base}${gatewayPaths.openapi}`,
  };
}

/** What `npm start` prints once every app is healthy. */
export function readyBanner(urls: GatewayUrls, admin: { email: string; password: string; generated: boolean }): string[] {
  const lines = [
    '',
    `The platform is running: ${urls.gateway}`,
    `  API reference: ${urls.reference}`,
    `  OpenAPI:       ${urls.openapi}`,
    `  Super admin:   ${admin.email}`,
  ];
  if (admin.generated) {
    lines.push(`  Password:      ${admin.password}   (generated, shown only this once; set SCAI_ADMIN_PASSWORD to choose one)`);
  }
  lines.push('Press Ctrl-C to stop.', '');
  return lines;
}
