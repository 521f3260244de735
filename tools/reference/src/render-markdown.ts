import type { EndpointDoc, ReferencePage, SchemaDoc, TypeDoc } from './model.ts';

function anchor(name: string): string {
  return `#schema-${name.toLowerCase()}`;
}

/** A type in the pages' markdown: code spans, named schemas linked within the page. */
export function typeMarkdown(type: TypeDoc): string {
  switch (type.kind) {
    case 'any':
      return '_any_';
    case 'primitive':
      return type.format ? `\`${type.name}\` (${type.format})` : `\`${type.name}\``;
    case 'ref':
      return `[\`${type.name}\`](${anchor(type.name)})`;
    case 'array':
      return `array of ${typeMarkdown(type.items)}`;
    case 'union':
      return type.options.map(typeMarkdown).join(' \\| ');
  }
}

function bodyMarkdown(type: TypeDoc): string {
  if (type.kind === 'primitive' && type.name === 'object') return 'object';
  return typeMarkdown(type);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

function endpointMarkdown(endpoint: EndpointDoc): string {
  const out: string[] = [`### **${endpoint.method}** \`${endpoint.path}\``, '', `_${endpoint.summary}_`, ''];
  if (endpoint.description) out.push(endpoint.description, '');
  if (endpoint.parameters.length > 0) {
    out.push('**Parameters:**', '', '| Name | In | Required | Type | Description |', '|---|---|---|---|---|');
    for (const p of endpoint.parameters) {
      out.push(`| \`${p.name}\` | ${p.in} | ${p.required ? 'yes' : 'no'} | ${typeMarkdown(p.type)} | ${cell(p.description)} |`);
    }
    out.push('');
  }
  if (endpoint.requestBody) {
    out.push('**Request body:**', '');
    if (endpoint.requestBody.required) out.push('Required.', '');
    out.push(`- \`${endpoint.requestBody.contentType}\` → ${bodyMarkdown(endpoint.requestBody.type)}`, '');
  }
  out.push('**Responses:**', '', '| Status | Body |', '|---|---|');
  for (const r of endpoint.responses) {
    const body = r.contentType && r.type ? `\`${r.contentType}\` → ${bodyMarkdown(r.type)}` : cell(r.description || 'Successful Response');
    out.push(`| \`${r.status}\` | ${body} |`);
  }
  out.push('', '---', '');
  return out.join('\n');
}

function schemaMarkdown(schema: SchemaDoc): string {
  const out = [`### \`${schema.name}\``, ''];
  if (schema.description) out.push(schema.description, '');
  out.push('| Field | Type | Required | Description |', '|---|---|---|---|');
  for (const f of schema.fields) {
    out.push(`| \`${f.name}\` | ${typeMarkdown(f.type)} | ${f.required ? 'yes' : 'no'} | ${cell(f.description)} |`);
  }
  out.push('');
  return out.join('\n');
}

export function pageSlug(group: string): string {
  return group
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A group's reference page in the format of the published ScaiKey pages. */
export function renderMarkdown(page: ReferencePage): string {
  const title = `${page.group} API`;
  const head = [
    '---',
    `title: ${title}`,
    `path: reference/api/${pageSlug(page.group)}`,
    'status: published',
    '---',
    '',
    `# ${title}`,
    '',
    `Reference for the \`${page.group}\` endpoint group — ${page.endpoints.length} endpoints.`,
    '',
    'Generated from the live OpenAPI spec. Re-run `npm run reference` after backend changes.',
    '',
    '## Authentication',
    '',
    'All endpoints require a Bearer JWT in the `Authorization` header unless noted otherwise.',
    '',
    '## Endpoints',
    '',
  ];
  const schemas = page.schemas.length
    ? [
        '## Schemas',
        '',
        'Definitions for every type referenced by the endpoints above.',
        '',
        ...page.schemas.map(schemaMarkdown),
      ]
    : [];
  return [...head, ...page.endpoints.map(endpointMarkdown), ...schemas].join('\n');
}
