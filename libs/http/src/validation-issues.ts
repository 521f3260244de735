import type { ValidationIssue } from '@scai/api';
import type { FastifySchemaValidationError } from 'fastify';
import { issueFor, type AjvError } from './validation-issue-of.ts';

/** The request part Fastify names in `error.validationContext`. */
export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';

/** Where a part of the request is, in the seeds' `loc[0]` (FastAPI's words). */
const LOCATION: Record<RequestPart, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

const UNIONS = new Set(['anyOf', 'oneOf']);

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function isBranchOf(union: AjvError, error: AjvError): boolean {
  return error !== union && error.schemaPath.startsWith(`${union.schemaPath}/`);
}

function branchIndex(union: AjvError, error: AjvError): number {
  return Number(error.schemaPath.slice(union.schemaPath.length + 1).split('/')[0]);
}

/** The allowed values when every branch of a union is a literal (`const`/`enum`), else undefined. */
function literalValues(groups: AjvError[][]): unknown[] | undefined {
  const values: unknown[] = [];
  for (const group of groups) {
    const literal = group.find((error) => error.keyword === 'const' || error.keyword === 'enum');
    if (!literal) return undefined;
    if (literal.keyword === 'const') values.push(literal.params.allowedValue);
    else values.push(...((literal.params.allowedValues as unknown[] | undefined) ?? []));
  }
  return values;
}

/**
 * One failed `anyOf`/`oneOf` as issues: a union of literals reads as one `enum` issue,
 * a nullable type (`X | null`) as the issues of `X`, anything else as `union_mismatch`.
 */
function unionIssues(union: AjvError, branches: AjvError[], convert: (errors: AjvError[]) => ValidationIssue[]): ValidationIssue[] {
  const byBranch = new Map<number, AjvError[]>();
  for (const error of branches) {
    const index = branchIndex(union, error);
    byBranch.set(index, [...(byBranch.get(index) ?? []), error]);
  }
  const groups = [...byBranch.values()];
  const allowed = groups.length > 1 ? literalValues(groups) : undefined;
  if (allowed) return convert([{ ...union, keyword: 'enum', params: { allowedValues: allowed } }]);
  const isNullBranch = (group: AjvError[]) => group.length === 1 && group[0].keyword === 'type' && group[0].params.type === 'null';
  const others = groups.filter((group) => !isNullBranch(group));
  if (others.length === 1 && groups.length === 2) return convert(others[0]);
  return convert([{ ...union, keyword: 'union' }]);
}

/**
 * Fastify/ajv validation errors of one request part as the seeds' `detail[]`:
 * `{loc: ["body", "name"], msg: "Field required", type: "missing"}`.
 * `part` is the validated value (`request.body`, …), read when ajv ran without `verbose`.
 */
export function validationIssues(errors: FastifySchemaValidationError[], context: RequestPart, part: unknown): ValidationIssue[] {
  const prefix = LOCATION[context];

  const convert = (input: AjvError[]): ValidationIssue[] => {
    const unions = input.filter((error) => UNIONS.has(error.keyword));
    const outermost = unions.filter((union) => !unions.some((other) => isBranchOf(other, union)));
    const inBranch = (error: AjvError) => outermost.some((union) => isBranchOf(union, error));
    const issues: ValidationIssue[] = [];
    // in ajv's order; a union's branch errors come before it and are resolved with it
    for (const error of input) {
      if (inBranch(error)) continue;
      if (outermost.includes(error)) {
        issues.push(...unionIssues(error, input.filter((other) => isBranchOf(error, other)), convert));
        continue;
      }
      const path = pointerSegments(error.instancePath);
      const data = 'data' in error ? error.data : valueAt(part, path);
      issues.push(issueFor(error, [prefix, ...path], data));
    }
    return issues;
  };

  const seen = new Set<string>();
  return convert(errors as AjvError[]).filter((issue) => {
    const key = JSON.stringify([issue.loc, issue.type]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
