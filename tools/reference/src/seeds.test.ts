import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pagesFromOpenApi } from './from-openapi.ts';
import { typeText, type ReferencePage } from './model.ts';
import { buildOpenApiDocument } from './openapi-document.ts';
import { renderMarkdown } from './render-markdown.ts';
import { parseSeedText } from './seed-text.ts';

const seedsDir = join(import.meta.dirname, '../../../../shared/spec/seeds');

/** The plain-text rendering of a seed page, without the markdown source some seeds append. */
function seedPage(prefix: string): ReferencePage {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix)) as string;
  const text = readFileSync(join(seedsDir, file), 'utf8');
  return parseSeedText(text.slice(0, text.search(/^Updated /m)));
}

const normalize = (text: string) =>
  text
    .replace(/^\s*[•-]\s*/gm, '- ')
    .replace(/\s+/g, ' ')
    .trim();

let generated: ReferencePage[];

beforeAll(async () => {
  generated = pagesFromOpenApi(await buildOpenApiDocument());
});

describe.each([
  ['000', 'Partners'],
  ['002', 'Registration Requests'],
  ['003', 'Admin Auth'],
])('the generated %s page (%s) holds to the seed', (prefix, group) => {
  it('has every endpoint with its summary, description, parameters, body and responses', () => {
    const seed = seedPage(prefix);
    expect(seed.group).toBe(group);
    const page = generated.find((p) => p.group === group);
    expect(page, `no ${group} group in the OpenAPI document`).toBeDefined();
    const seedSchemaNames = new Set(seed.schemas.map((s) => s.name));
    for (const expected of seed.endpoints) {
      const actual = page?.endpoints.find((e) => e.method === expected.method && e.path === expected.path);
      expect(actual, `${expected.method} ${expected.path}`).toBeDefined();
      if (!actual) continue;
      expect(actual.summary).toBe(expected.summary);
      expect(normalize(actual.description)).toBe(normalize(expected.description));
      for (const parameter of expected.parameters) {
        const mine = actual.parameters.find((p) => p.name === parameter.name && p.in === parameter.in);
        expect(mine, `${expected.path} ${parameter.in} ${parameter.name}`).toBeDefined();
        expect(mine?.required).toBe(parameter.required);
        expect(typeText(mine?.type ?? { kind: 'any' })).toBe(typeText(parameter.type));
        expect(mine?.description ?? '').toBe(parameter.description);
      }
      expect(Boolean(actual.requestBody), `${expected.path} body`).toBe(Boolean(expected.requestBody));
      if (expected.requestBody && actual.requestBody) {
        expect(actual.requestBody.required).toBe(expected.requestBody.required);
        const type = actual.requestBody.type;
        // A named body must be one the seed defines; an unnamed one is a plain object.
        if (type.kind === 'ref') expect(seedSchemaNames.has(type.name), type.name).toBe(true);
        else expect(typeText(type)).toBe('object');
      }
      const statuses = actual.responses.map((r) => r.status);
      for (const response of expected.responses) {
        expect(statuses, `${expected.path} ${response.status}`).toContain(response.status);
        if (response.type?.kind === 'ref') {
          expect(actual.responses.find((r) => r.status === response.status)?.type).toEqual(response.type);
        }
      }
    }
  });

  it('defines every schema of the seed with the same fields', () => {
    const seed = seedPage(prefix);
    const page = generated.find((p) => p.group === group);
    for (const expected of seed.schemas) {
      const actual = page?.schemas.find((s) => s.name === expected.name);
      expect(actual, expected.name).toBeDefined();
      expect(actual?.description ?? '').toBe(expected.description);
      expect(actual?.fields.map((f) => [f.name, typeText(f.type), f.required, f.description])).toEqual(
        expected.fields.map((f) => [f.name, typeText(f.type), f.required, f.description]),
      );
    }
  });

  it('renders as a markdown page in the seed format', () => {
    const page = generated.find((p) => p.group === group) as ReferencePage;
    const markdown = renderMarkdown(page);
    expect(markdown).toContain(`# ${group} API`);
    for (const endpoint of seedPage(prefix).endpoints) expect(markdown).toContain(`### **${endpoint.method}** \`${endpoint.path}\``);
  });
});
