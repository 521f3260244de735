import type { EndpointDoc, ParameterDoc, ReferencePage, SchemaDoc, TypeDoc } from './model.ts';

type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function refName(ref: string): string {
  return ref.replace(/^#\/components\/schemas\//, '');
}

/** Turns a JSON Schema of the document into the reference's type notation. */
export function typeOf(schema: unknown): TypeDoc {
  if (!schema || typeof schema !== 'object') return { kind: 'any' };
  const s = schema as Json;
  if (typeof s.$ref === 'string') return { kind: 'ref', name: refName(s.$ref) };
  const variants = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants)) return flatten(variants.map(typeOf));
  if (Array.isArray(s.type)) return flatten(s.type.map((t) => typeOf({ ...s, type: t })));
  if (s.type === 'array') return { kind: 'array', items: typeOf(s.items) };
  if (typeof s.type === 'string') {
    return typeof s.format === 'string' && s.type === 'string'
      ? { kind: 'primitive', name: s.type, format: s.format }
      : { kind: 'primitive', name: s.type };
  }
  if (s.const === null) return { kind: 'primitive', name: 'null' };
  return { kind: 'any' };
}

function flatten(options: TypeDoc[]): TypeDoc {
  const flat = options.flatMap((o) => (o.kind === 'union' ? o.options : [o]));
  return flat.length === 1 ? flat[0] : { kind: 'union', options: flat };
}

/** The published pages print Python reprs of defaults (`['openid', 'profile']`). */
function defaultText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(defaultText).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return JSON.stringify(value);
}

function schemaDoc(name: string, schema: Json): SchemaDoc {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return {
    name,
    description: typeof schema.description === 'string' ? schema.description : '',
    fields: Object.entries(properties).map(([field, property]) => {
      const parts = [typeof property.description === 'string' ? property.description : ''];
      if ('default' in property) parts.push(`Default: ${defaultText(property.default)}`);
      return {
        name: field,
        type: typeOf(property),
        required: required.has(field),
        description: parts.filter(Boolean).join(' '),
      };
    }),
  };
}

function collectRefs(type: TypeDoc | null, into: Set<string>): void {
  if (!type) return;
  if (type.kind === 'ref') into.add(type.name);
  if (type.kind === 'array') collectRefs(type.items, into);
  if (type.kind === 'union') type.options.forEach((o) => collectRefs(o, into));
}

function firstContent(content: unknown): { contentType: string; schema: unknown } | null {
  if (!content || typeof content !== 'object') return null;
  const [entry] = Object.entries(content as Record<string, Json>);
  return entry ? { contentType: entry[0], schema: entry[1].schema } : null;
}

function endpointDoc(method: string, path: string, operation: Json): EndpointDoc {
  const parameters: ParameterDoc[] = ((operation.parameters ?? []) as Json[]).map((p) => ({
    name: String(p.name),
    in: String(p.in),
    required: p.required === true,
    type: typeOf(p.schema),
    description: typeof p.description === 'string' ? p.description : '',
  }));
  const body = operation.requestBody as Json | undefined;
  const bodyContent = body ? firstContent(body.content) : null;
  const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>).map(([status, response]) => {
    const content = firstContent(response.content);
    return {
      status,
      contentType: content?.contentType ?? null,
      type: content ? typeOf(content.schema) : null,
      description: typeof response.description === 'string' ? response.description : '',
    };
  });
  return {
    method: method.toUpperCase(),
    path,
    summary: typeof operation.summary === 'string' ? operation.summary : '',
    description: typeof operation.description === 'string' ? operation.description : '',
    parameters,
    requestBody: bodyContent
      ? { required: body?.required === true, contentType: bodyContent.contentType, type: typeOf(bodyContent.schema) }
      : null,
    responses,
  };
}

/** Every tagged group of an OpenAPI 3.x document as a reference page, endpoints by path then method. */
export function pagesFromOpenApi(document: Json): ReferencePage[] {
  const components = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const byGroup = new Map<string, EndpointDoc[]>();
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation || operation['x-internal'] === true) continue;
      for (const tag of (operation.tags ?? []) as string[]) {
        const list = byGroup.get(tag) ?? [];
        list.push(endpointDoc(method, path, operation));
        byGroup.set(tag, list);
      }
    }
  }
  return [...byGroup.entries()].map(([group, endpoints]) => {
    endpoints.sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path < b.path ? -1 : 1));
    const names = new Set<string>();
    for (const endpoint of endpoints) {
      collectRefs(endpoint.requestBody?.type ?? null, names);
      endpoint.responses.forEach((r) => collectRefs(r.type, names));
    }
    // Schemas referenced by schemas (e.g. ValidationError inside HTTPValidationError).
    const queue = [...names];
    while (queue.length > 0) {
      const schema = components[queue.pop() as string];
      if (!schema) continue;
      for (const property of Object.values((schema.properties ?? {}) as Record<string, unknown>)) {
        const found = new Set<string>();
        collectRefs(typeOf(property), found);
        for (const name of found) {
          if (!names.has(name)) {
            names.add(name);
            queue.push(name);
          }
        }
      }
    }
    const schemas = [...names]
      .filter((name) => components[name])
      .sort()
      .map((name) => schemaDoc(name, components[name]));
    return { group, endpoints, schemas };
  });
}
