import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';

/** A schema with a `$id`: its name in the OpenAPI document's `components.schemas`. */
export type NamedSchema = TSchema;

function idOf(schema: TSchema): string {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string' || id.length === 0) throw new Error('ref() needs a schema with a $id');
  return id;
}

/**
 * Refers to a named schema (registered with `addSchema`) while keeping its static
 * type, so a route's handler is typed and the OpenAPI document shows the name.
 */
export function ref<T extends TSchema>(schema: T) {
  return Type.Unsafe<Static<T>>({ $ref: `${idOf(schema)}#` });
}
