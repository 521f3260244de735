import type { CampaignReport } from './campaign.ts';

/** A report a person reads: requests sent, answers by status, every failing case with its seed. */
export function formatReport(report: CampaignReport): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  const lines = [`fuzz: ${report.sent} requests sent; answers by status: ${statuses}; ${report.failures.length} failing`];
  for (const failure of report.failures) {
    lines.push(`  ✗ ${failure.operationId} seed ${failure.seed}: ${failure.method} ${failure.url} [${failure.mutation}] → ${failure.status}: ${failure.problems.join('; ')}`);
    lines.push(`      ${failure.excerpt.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  return lines.join('\n');
}
