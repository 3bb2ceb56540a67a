import { z } from 'zod';
import { API_SCHEMAS, Problem } from '../api/api-schemas.js';
import { GATEWAY_VERSION } from '../version.js';
import type { ApiRoute, RouteResponse } from './api-routes.js';
import { API_ROUTES } from './api-routes.js';

const REF = (id: string) => `#/components/schemas/${id}`;

/** The named response schemas as `components.schemas` (zod 4 `z.toJSONSchema` of the registry, draft 2020-12). */
function componentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, { uri: REF, unrepresentable: 'any' });
  return Object.fromEntries(
    Object.entries(schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, schema]) => {
        const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
        return [id, rest];
      }),
  );
}

/** A schema by reference when it is a named one, else inline (requests: as a client may send them). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const id = API_SCHEMAS.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

const PROBLEM = { 'application/problem+json': { schema: { $ref: REF('Problem') } } };

function response(answer: RouteResponse): Record<string, unknown> {
  const content = answer.schema
    ? { 'application/json': { schema: schemaOf(answer.schema, 'output') } }
    : (answer.content ?? PROBLEM);
  return {
    description: answer.description,
    content,
    ...(answer.headers
      ? { headers: Object.fromEntries(answer.headers.map((h) => [h, { schema: { type: 'string' } }])) }
      : {}),
  };
}

/** The errors every guarded route may answer, besides its own. */
function guardResponses(route: ApiRoute): Record<string, unknown> {
  if (route.roles === 'public') return {};
  return {
    400: { description: 'invalid-request (the problem lists the issues)', content: PROBLEM },
    401: {
      description: 'unauthorized: no or a bad bearer token',
      content: PROBLEM,
      headers: { 'WWW-Authenticate': { schema: { type: 'string' } } },
    },
    403: { description: 'forbidden: the problem names the role needed', content: PROBLEM },
    429: {
      description: 'rate-limited',
      content: PROBLEM,
      headers: { 'Retry-After': { schema: { type: 'string' } } },
    },
  };
}

function operation(route: ApiRoute): Record<string, unknown> {
  const roles = route.roles === 'public' ? [] : route.roles;
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.roles === 'public' ? { security: [] } : { 'x-roles': roles.length > 0 ? roles : ['any'] }),
    ...(route.parameters
      ? {
          parameters: route.parameters.map((p) => ({
            name: p.name,
            in: p.in,
            description: p.description,
            required: p.in === 'path' ? true : (p.required ?? false),
            schema: p.schema ?? { type: 'string' },
          })),
        }
      : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      ...guardResponses(route),
      ...Object.fromEntries(
        Object.entries(route.responses).map(([status, answer]) => [status, response(answer)]),
      ),
    },
  };
}

/**
 * The gateway's OpenAPI 3.1 document: every route of `API_ROUTES`, with the zod schemas of its requests and
 * answers as JSON Schema (zod 4 `z.toJSONSchema`). Deterministic: the committed `docs/gateway.openapi.json` is
 * this with the default server URL.
 */
export function openApiDocument(options: { readonly serverUrl?: string } = {}): Record<string, unknown> {
  void Problem; // registered in API_SCHEMAS: every error answer refers to it
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.1',
    info: {
      title: 'Agent swarm gateway',
      version: GATEWAY_VERSION,
      description:
        "The swarm's HTTP API: submit goals, follow them live, read reports, decide approvals, replay dead letters. See docs/gateway.md.",
    },
    servers: [{ url: options.serverUrl ?? 'http://localhost:8080' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A static API token (GATEWAY_TOKENS_FILE) or an OpenID Connect access token (JWT)',
        },
      },
      schemas: componentSchemas(),
    },
  };
}
