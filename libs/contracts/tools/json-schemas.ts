import { z } from 'zod';
import type { CatalogEntry } from '../src/index.js';
import { SCHEMA_VERSION } from '../src/index.js';

/** A JSON value as the generators build it. */
export type JsonObject = { [key: string]: unknown };

/** The JSON Schema dialects the generators emit. */
export type SchemaTarget = 'draft-2020-12' | 'draft-07';

/** Where the per-message JSON Schema files live, relative to the repository root. */
export const SCHEMAS_DIR = 'docs/schemas';

/** The file name of a message type's JSON Schema, e.g. `goal.submitted.schema.json`. */
export function schemaFileName(type: string): string {
  return `${type}.schema.json`;
}

/** The `$id` of a message type's JSON Schema: a URN naming the type and the bus schema version. */
export function schemaId(type: string): string {
  return `urn:swarm:message:${type}:v${SCHEMA_VERSION}`;
}

/**
 * The JSON Schema of one catalog entry, as a producer must write it: zod's own conversion of the INPUT shape, so
 * fields with defaults (`goal.topN`, `goal.requireApproval`) are optional and carry their `default`. Strict zod
 * objects become `additionalProperties: false`. Throws when a schema holds a type JSON Schema cannot express.
 *
 * `withId` adds `$id` (the standalone files have one; a copy embedded in another document does not, so it does
 * not change the base URI there).
 */
export function messageJsonSchema(
  entry: CatalogEntry,
  options: { readonly target: SchemaTarget; readonly withId: boolean },
): JsonObject {
  const { $schema, ...rest } = z.toJSONSchema(entry.schema, {
    target: options.target,
    io: 'input',
    unrepresentable: 'throw',
  }) as JsonObject;
  return {
    $schema,
    ...(options.withId ? { $id: schemaId(entry.type) } : {}),
    title: entry.type,
    description: entry.summary,
    ...rest,
  };
}

/** A generated file: its path relative to the repository root and its exact content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** One draft 2020-12 JSON Schema file per catalog entry, as `docs/schemas/<type>.schema.json`. Pure. */
export function buildJsonSchemaFiles(catalog: readonly CatalogEntry[]): GeneratedFile[] {
  return catalog.map((entry) => ({
    path: `${SCHEMAS_DIR}/${schemaFileName(entry.type)}`,
    content: `${JSON.stringify(messageJsonSchema(entry, { target: 'draft-2020-12', withId: true }), null, 2)}\n`,
  }));
}

/** A goal-context value a client writes itself (not a message): its schema file name, title and schema. */
export interface ValueSchema {
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodType;
}

/** One draft 2020-12 JSON Schema file per goal-context value a client writes, as `docs/schemas/<name>.schema.json`. Pure. */
export function buildValueSchemaFiles(values: readonly ValueSchema[]): GeneratedFile[] {
  return values.map((value) => {
    const { $schema, ...rest } = z.toJSONSchema(value.schema, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'throw',
    }) as JsonObject;
    const schema = {
      $schema,
      $id: `urn:swarm:value:${value.name}:v${SCHEMA_VERSION}`,
      title: value.name,
      description: value.description,
      ...rest,
    };
    return {
      path: `${SCHEMAS_DIR}/${schemaFileName(value.name)}`,
      content: `${JSON.stringify(schema, null, 2)}\n`,
    };
  });
}
