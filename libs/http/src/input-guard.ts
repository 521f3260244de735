import { badRequest, validationFailed, type ValidationIssue } from '@scai/api';
import type { FastifyRequest } from 'fastify';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be taken in: PostgreSQL refuses NUL in text, and a lone surrogate is not Unicode. */
export function unstorableText(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (no unpaired surrogate)';
  return undefined;
}

interface Visit {
  value: unknown;
  key: string | number | undefined;
  parent: Visit | undefined;
}

function locOf(visit: Visit, rootLoc: (string | number)[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.push(at.key);
  return [...rootLoc, ...path.reverse()];
}

/** Enough to show what is wrong; a body of ten thousand bad strings gets no longer answer. */
const MAX_ISSUES = 20;

/**
 * Strings (keys included) anywhere in `root` that cannot be stored, with their location.
 * Iterative, with locations built only for findings: a body nested ten thousand levels
 * deep must neither overflow the stack nor cost quadratic time.
 */
export function unstorableTextIssues(root: unknown, rootLoc: (string | number)[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: Visit[] = [{ value: root, key: undefined, parent: undefined }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const visit = stack.pop() as Visit;
    const { value } = visit;
    if (typeof value === 'string') {
      const msg = unstorableText(value);
      if (msg) issues.push({ loc: locOf(visit, rootLoc), msg, type: 'value_error.text' });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, key: i, parent: visit }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, key, parent: visit };
        const msg = unstorableText(key);
        if (msg) issues.push({ loc: locOf(child, rootLoc), msg: `field name ${msg}`, type: 'value_error.text' });
        stack.push(child);
      }
    }
  }
  return issues;
}

/** Percent-escapes that decode to nothing (`%`, `%zz`, `%ED%A0%80`) anywhere in the path or query. */
export function hasMalformedEscapes(url: string): boolean {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const parts = queryAt === -1 ? [] : url.slice(queryAt + 1).split(/[&=]/);
  try {
    decodeURIComponent(path);
    for (const part of parts) decodeURIComponent(part.replace(/\+/g, ' '));
    return false;
  } catch {
    return true;
  }
}

/** Longer URLs are refused (414): no route needs more, and proxies in front often cut at 8 KiB. */
export const MAX_URL_LENGTH = 8 * 1024;

/** onRequest: a URL too long, or one that does not decode, is refused before any route (or upstream) reads it. */
export async function refuseBadUrl(request: FastifyRequest): Promise<void> {
  if (request.url.length > MAX_URL_LENGTH) throw Object.assign(new Error('URI Too Long'), { statusCode: 414 });
  if (hasMalformedEscapes(request.url)) throw badRequest('The URL has malformed percent-encoding');
}

/**
 * preValidation: path, query and body strings that no store can keep are a 422 here, in
 * one place, rather than a database error deep in some service.
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const issues = [
    ...unstorableTextIssues(request.params, ['path']),
    ...unstorableTextIssues(request.query, ['query']),
    ...(request.body !== null && typeof request.body === 'object' && !isStream(request.body) ? unstorableTextIssues(request.body, ['body']) : []),
  ];
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * preHandler (after coercion): Ajv turns `?page=Infinity` into Infinity and its `maximum`
 * lets that through, so a parameter that became a non-finite number is refused here.
 */
export async function refuseNonFiniteParameters(request: FastifyRequest): Promise<void> {
  const issues: ValidationIssue[] = [];
  for (const [part, values] of [['path', request.params], ['query', request.query]] as const) {
    if (values === null || typeof values !== 'object') continue;
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'number' && !Number.isFinite(value)) issues.push({ loc: [part, name], msg: 'must be a finite number', type: 'value_error.number' });
    }
  }
  if (issues.length > 0) throw validationFailed(issues);
}

function isStream(body: object): boolean {
  return typeof (body as { pipe?: unknown }).pipe === 'function';
}
