/** One endpoint group's reference page, independent of how it is written down. */
export interface ReferencePage {
  group: string;
  endpoints: EndpointDoc[];
  schemas: SchemaDoc[];
}

export interface EndpointDoc {
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ParameterDoc[];
  requestBody: { required: boolean; contentType: string; type: TypeDoc } | null;
  responses: { status: string; contentType: string | null; type: TypeDoc | null; description: string }[];
}

export interface ParameterDoc {
  name: string;
  in: string;
  required: boolean;
  type: TypeDoc;
  description: string;
}

export interface SchemaDoc {
  name: string;
  description: string;
  fields: { name: string; type: TypeDoc; required: boolean; description: string }[];
}

/** A rendered type: alternatives joined by `|`, each a primitive, a named schema or an array. */
export type TypeDoc =
  | { kind: 'any' }
  | { kind: 'primitive'; name: string; format?: string }
  | { kind: 'ref'; name: string }
  | { kind: 'array'; items: TypeDoc }
  | { kind: 'union'; options: TypeDoc[] };

/** Plain text of a type, as the published pages print it (`array of string | null`). */
export function typeText(type: TypeDoc): string {
  switch (type.kind) {
    case 'any':
      return 'any';
    case 'primitive':
      return type.format ? `${type.name} (${type.format})` : type.name;
    case 'ref':
      return type.name;
    case 'array':
      return `array of ${typeText(type.items)}`;
    case 'union':
      return type.options.map(typeText).join(' | ');
  }
}
