import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { MESSAGE_CATALOG, SCHEMA_VERSION } from '../src/index.js';
import { exampleMessage } from '../src/testing/index.js';
import { buildJsonSchemaFiles, messageJsonSchema, schemaFileName, schemaId } from './json-schemas.js';

function validatorFor(type: string) {
  const entry = MESSAGE_CATALOG.find((e) => e.type === type)!;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  formats.default(ajv);
  return ajv.compile(messageJsonSchema(entry, { target: 'draft-2020-12', withId: true }));
}

describe('messageJsonSchema', () => {
  it('describes the input a producer writes: goal fields with defaults are optional and show the default', () => {
    const entry = MESSAGE_CATALOG.find((e) => e.type === 'goal.submitted')!;
    const schema = messageJsonSchema(entry, { target: 'draft-2020-12', withId: true }) as {
      properties: { goal: { required: string[]; properties: Record<string, { default?: unknown }> } };
    };
    expect(schema.properties.goal.required).toEqual(['text']);
    expect(schema.properties.goal.properties['topN']?.default).toBe(5);
    expect(schema.properties.goal.properties['requireApproval']?.default).toBe(false);
  });

  it('names the schema by its type, with a versioned $id, and leaves the $id out when asked', () => {
    const entry = MESSAGE_CATALOG[0]!;
    const schema = messageJsonSchema(entry, { target: 'draft-2020-12', withId: true });
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `urn:swarm:message:${entry.type}:v${SCHEMA_VERSION}`,
      title: entry.type,
      additionalProperties: false,
    });
    const draft07 = messageJsonSchema(entry, { target: 'draft-07', withId: false });
    expect(draft07['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(draft07).not.toHaveProperty('$id');
  });

  it('writes one file per catalog type under docs/schemas', () => {
    const files = buildJsonSchemaFiles(MESSAGE_CATALOG);
    expect(files.map((f) => f.path)).toEqual(
      MESSAGE_CATALOG.map((e) => `docs/schemas/${schemaFileName(e.type)}`),
    );
    expect(new Set(MESSAGE_CATALOG.map((e) => schemaId(e.type))).size).toBe(MESSAGE_CATALOG.length);
  });
});

describe.each(MESSAGE_CATALOG.map((entry) => entry.type))(
  'the %s JSON Schema, read by a generic validator',
  (type) => {
    const validate = validatorFor(type);

    it('accepts the example message that the zod schema accepts', () => {
      expect(validate(exampleMessage(type))).toBe(true);
    });

    it('rejects the example with an unknown field', () => {
      expect(validate({ ...exampleMessage(type), priority: 'high' })).toBe(false);
      expect(validate.errors?.[0]?.keyword).toBe('additionalProperties');
    });

    it('rejects the example with another schemaVersion', () => {
      expect(validate({ ...exampleMessage(type), schemaVersion: SCHEMA_VERSION + 1 })).toBe(false);
      expect(validate.errors?.[0]?.instancePath).toBe('/schemaVersion');
    });

    it('rejects a timestamp without a time zone, like the zod schema', () => {
      expect(validate({ ...exampleMessage(type), timestamp: '2025-11-21T09:30:00' })).toBe(false);
    });
  },
);
