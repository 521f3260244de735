/** What came back for one fuzzed request. */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Signs of an internal error leaking out: stack frames, source paths, SQL or ORM text. */
const LEAKS: [RegExp, string][] = [
  [/\n\s+at [\w.<>]+ \(/, 'stack trace'],
  [/node_modules|\/src\/[\w/-]+\.ts\b/, 'source path'],
  [/\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/, 'SQL text'],
  [/\bprisma\b|PrismaClient|duplicate key value|violates \w+ constraint/i, 'database text'],
  // Prisma's error codes, as a word of their own and in capitals: request ids are lowercase base32 and hold "p2035" often.
  [/\bP20\d\d\b/, 'database error code'],
  [/TypeError|ReferenceError|RangeError|SyntaxError: /, 'exception name'],
];

/** The OAuth endpoints answer in RFC 6749's shape (`{error, error_description}`), by standard. */
const OAUTH_OPERATIONS = new Set(['requestOAuthToken', 'exchangeToken']);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function envelopeProblems(status: number, body: unknown, operationId: string): string[] {
  if (!body || typeof body !== 'object') return ['error answer is not a JSON object'];
  const error = (body as { error?: unknown }).error;
  if (OAUTH_OPERATIONS.has(operationId) && typeof error === 'string') return [];
  if (!error || typeof error !== 'object') return ['no error object in the envelope'];
  const { code, message, request_id: requestId } = error as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof code !== 'string' || typeof message !== 'string' || typeof requestId !== 'string') problems.push('envelope lacks code, message or request_id');
  if (status === 422 && !Array.isArray((body as { detail?: unknown }).detail)) problems.push('422 without detail[]');
  return problems;
}

/** Every problem with one answer: a 5xx, an answer outside the envelope, a leak. */
export function judge(operationId: string, answer: FuzzAnswer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500 || answer.status < 200) problems.push(`status ${answer.status}`);
  if (answer.status >= 400) {
    if (!answer.contentType.includes('json')) problems.push(`error answered as ${answer.contentType || 'no content type'}`);
    else problems.push(...envelopeProblems(answer.status, parse(answer.text), operationId));
  }
  for (const [pattern, what] of LEAKS) if (pattern.test(answer.text)) problems.push(`leaks ${what}`);
  return problems;
}
