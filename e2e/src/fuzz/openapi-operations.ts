/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface DocumentOperation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface FuzzParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface FuzzOperation {
  operationId: string;
  method: string;
  path: string;
  pathParams: FuzzParameter[];
  query: FuzzParameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
  bodyRequired: boolean;
  /** Other media types it accepts (e.g. form-encoded OAuth endpoints). */
  mediaTypes: string[];
  isPublic: boolean;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Follows local `#/components/schemas/...` references, so generators see plain schemas. */
export function schemaResolver(document: OpenApiDocument): (schema: JsonSchema) => JsonSchema {
  return (schema) => {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 10; hops += 1) {
      const name = current.$ref.replace('#/components/schemas/', '');
      current = document.components?.schemas?.[name] ?? {};
    }
    return current;
  };
}

function parameter(p: Parameter): FuzzParameter {
  return { name: p.name, required: p.required ?? false, schema: p.schema ?? { type: 'string' } };
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]): FuzzOperation => {
        const parameters = op.parameters ?? [];
        const content = op.requestBody?.content ?? {};
        return {
          operationId: op.operationId ?? `${method} ${path}`,
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map(parameter),
          query: parameters.filter((p) => p.in === 'query').map(parameter),
          body: content['application/json']?.schema,
          bodyRequired: op.requestBody?.required ?? false,
          mediaTypes: Object.keys(content),
          isPublic: (op.security ?? []).some((requirement) => Object.keys(requirement).length === 0),
        };
      }),
  );
}
