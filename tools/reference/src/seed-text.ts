import type { EndpointDoc, ParameterDoc, ReferencePage, SchemaDoc, TypeDoc } from './model.ts';

/**
 * Reads a published reference page in its plain-text rendering (the seeds), so a test
 * can hold the generated reference to it.
 */
function parseType(text: string): TypeDoc {
  const options = text.split(' | ').map((part): TypeDoc => {
    const trimmed = part.trim();
    if (trimmed.startsWith('array of ')) return { kind: 'array', items: parseType(trimmed.slice('array of '.length)) };
    const format = /^(\w+) \((.+)\)$/.exec(trimmed);
    if (format) return { kind: 'primitive', name: format[1], format: format[2] };
    if (['string', 'integer', 'number', 'boolean', 'null', 'object'].includes(trimmed)) return { kind: 'primitive', name: trimmed };
    if (trimmed === 'any') return { kind: 'any' };
    return { kind: 'ref', name: trimmed };
  });
  // "array of string | integer" binds the union inside the array, as the pages print it.
  if (options.length > 1 && options[0].kind === 'array') {
    return { kind: 'array', items: { kind: 'union', options: [options[0].items, ...options.slice(1)] } };
  }
  return options.length === 1 ? options[0] : { kind: 'union', options };
}

const ENDPOINT = /^(GET|POST|PUT|PATCH|DELETE) (\/\S+)#$/;

export function parseSeedText(text: string): ReferencePage {
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  const group = /^Reference for the (.+) endpoint group/m.exec(text)?.[1] ?? '';
  const schemaStart = lines.findIndex((l) => l === 'Schemas#');
  const endpointLines = lines.slice(0, schemaStart === -1 ? lines.length : schemaStart);
  const endpoints: EndpointDoc[] = [];
  let current: EndpointDoc | null = null;
  let section: 'text' | 'parameters' | 'body' | 'responses' = 'text';
  const textLines: string[] = [];
  for (const line of endpointLines) {
    const start = ENDPOINT.exec(line);
    if (start) {
      current = { method: start[1], path: start[2], summary: '', description: '', parameters: [], requestBody: null, responses: [] };
      endpoints.push(current);
      section = 'text';
      textLines.length = 0;
      continue;
    }
    if (!current) continue;
    if (line === 'Parameters:') section = 'parameters';
    else if (line === 'Request body:') {
      section = 'body';
      current.requestBody = { required: false, contentType: 'application/json', type: { kind: 'any' } };
    } else if (line === 'Responses:') section = 'responses';
    else if (section === 'text' && line.trim()) {
      if (!current.summary) current.summary = line.trim();
      else current.description = current.description ? `${current.description}\n${line.trim()}` : line.trim();
    } else if (section === 'parameters' && line && line !== 'Name In Required Type Description') {
      const match = /^(\S+) (query|path|header|cookie) (yes|no) (.+)$/.exec(line);
      if (match) current.parameters.push(parameter(match));
    } else if (section === 'body' && line === 'Required.' && current.requestBody) {
      current.requestBody.required = true;
    } else if (section === 'responses' && /^\d{3} /.test(line)) {
      const [status, ...rest] = line.split(' ');
      const body = rest.join(' ');
      const ref = /^application\/json(\w+)$/.exec(body.replace(/\s/g, ''));
      current.responses.push({
        status,
        contentType: body.startsWith('application/json') ? 'application/json' : null,
        type: ref && !['any', 'object'].includes(ref[1]) ? { kind: 'ref', name: ref[1] } : null,
        description: body,
      });
    }
  }
  return { group, endpoints, schemas: parseSchemas(lines.slice(schemaStart + 1)) };
}

function parameter(match: RegExpExecArray): ParameterDoc {
  const rest = match[4];
  const typeMatch = /^((?:array of )?(?:string|integer|number|boolean|null)(?: \| (?:string|integer|number|boolean|null))*)(?: (.*))?$/.exec(rest);
  return {
    name: match[1],
    in: match[2],
    required: match[3] === 'yes',
    type: parseType(typeMatch ? typeMatch[1] : rest),
    description: typeMatch?.[2] ?? '',
  };
}

function parseSchemas(lines: string[]): SchemaDoc[] {
  const schemas: SchemaDoc[] = [];
  let current: SchemaDoc | null = null;
  for (const line of lines) {
    const heading = /^(\S+)#$/.exec(line);
    if (heading) {
      current = { name: heading[1], description: '', fields: [] };
      schemas.push(current);
      continue;
    }
    if (!current || !line || line === 'Field Type Required Description' || line.startsWith('Updated ')) continue;
    const field = /^(\S+) (.+?) (yes|no)(?: (.*))?$/.exec(line);
    if (field) {
      current.fields.push({ name: field[1], type: parseType(field[2]), required: field[3] === 'yes', description: field[4] ?? '' });
    } else if (current.fields.length === 0) {
      current.description = line.trim();
    }
  }
  return schemas;
}
