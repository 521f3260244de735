import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { IssueList } from '@scai/api';
import { Value } from 'typebox/value';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { CatalogFile } from './catalog-file-schema.ts';
import { checkCurrency, checkPricingTiers } from './plan-check.ts';
import { planKeyOf } from './catalog-types.ts';
import { tiersOfEntry } from './catalog-file-entries.ts';

/** A catalog file that cannot be loaded; the message names the file, line and field. */
export class CatalogFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`catalog file is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'CatalogFileError';
  }
}

export interface LoadedCatalog {
  file: CatalogFile;
  /** sha256 of the text: a content change without a version bump is noticed and reported. */
  contentHash: string;
}

type Path = (string | number)[];

function locate(path: string, doc: Document, lines: LineCounter, at: Path): string {
  // Walk up to the nearest node that exists (a missing field points at its parent).
  for (let depth = at.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(at.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return `${path}:${line}:${col}`;
    }
  }
  return `${path}:1:1`;
}

const field = (at: Path) => (at.length ? at.join('.') : '(root)');
const pointerPath = (pointer: string): Path =>
  pointer.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));

/** Rules a schema cannot say: currencies exist, tiers are contiguous, pack items name plans of the file. */
function semanticProblems(file: CatalogFile): { at: Path; msg: string }[] {
  const issues = new IssueList();
  const planKeys = new Set<string>();
  file.services.forEach((service, s) => {
    service.plans.forEach((plan, p) => {
      const at = ['services', s, 'plans', p];
      const key = planKeyOf(service.slug, plan.slug);
      if (planKeys.has(key)) issues.add([...at, 'slug'], `plan key ${key} appears twice`);
      planKeys.add(key);
      checkCurrency(issues, [...at, 'currency'], plan.currency);
      checkPricingTiers(issues, [...at, 'pricing_tiers'], tiersOfEntry(plan));
    });
  });
  (file.packs ?? []).forEach((pack, k) => {
    checkCurrency(issues, ['packs', k, 'currency'], pack.currency);
    pack.items.forEach((item, i) => {
      if (!planKeys.has(item.plan_key)) issues.add(['packs', k, 'items', i, 'plan_key'], `no plan ${item.plan_key} in this file`);
    });
  });
  return issues.list().map((issue) => ({ at: issue.loc.slice(1), msg: issue.msg }));
}

/** Reads, parses and validates a catalog file; any problem throws naming file, line and field. */
export function loadCatalogFile(path: string): LoadedCatalog {
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new CatalogFileError(doc.errors.map((e) => `${path}:${e.linePos?.[0].line ?? 1}:${e.linePos?.[0].col ?? 1}: ${e.message.split('\n')[0]}`));
  }
  const value: unknown = doc.toJS();
  const schemaErrors = [...Value.Errors(CatalogFile, value)].filter((e) => e.keyword !== 'boolean' && e.keyword !== 'anyOf');
  const problems = schemaErrors.length
    ? schemaErrors.map((e) => {
        const at = pointerPath(e.instancePath);
        const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperties?: string[] }).additionalProperties?.join(', '))})` : '';
        return `${locate(path, doc, lines, at)}: ${field(at)}: ${e.message}${extra}`;
      })
    : semanticProblems(value as CatalogFile).map((p) => `${locate(path, doc, lines, p.at)}: ${field(p.at)}: ${p.msg}`);
  if (problems.length > 0) throw new CatalogFileError(problems);
  return { file: value as CatalogFile, contentHash: createHash('sha256').update(text).digest('hex') };
}
