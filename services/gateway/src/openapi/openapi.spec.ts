import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator.js';
import { API_CONTROLLERS } from '../gateway.module.js';
import { API_ROUTES } from './api-routes.js';
import { openApiDocument } from './openapi-document.js';
import { OPENAPI_FILE, openApiFileContent, repoRoot } from './openapi-file.js';

/** Every route Nest registers for the API controllers, as `METHOD /path/{param}`, with its roles. */
function nestRoutes(): Map<string, string> {
  const routes = new Map<string, string>();
  for (const controller of API_CONTROLLERS) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const route = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (method === undefined || route === undefined) continue;
      const full = `/${[base, route].filter((part) => part && part !== '/').join('/')}`.replace(
        /:(\w+)/g,
        '{$1}',
      );
      const roles = Reflect.getMetadata(PUBLIC_KEY, handler)
        ? 'public'
        : JSON.stringify(Reflect.getMetadata(ROLES_KEY, handler) ?? 'none');
      routes.set(`${RequestMethod[method]} ${full}`, roles);
    }
  }
  return routes;
}

describe('the OpenAPI document', () => {
  it('describes exactly the routes Nest registers, with the roles each route checks', () => {
    const documented = new Map(
      API_ROUTES.map((route) => [
        `${route.method.toUpperCase()} ${route.path}`,
        route.roles === 'public' ? 'public' : JSON.stringify(route.roles),
      ]),
    );
    expect(new Map([...nestRoutes()].sort())).toEqual(new Map([...documented].sort()));
  });

  it('lists every route under its path and refers only to schemas it defines', () => {
    const document = openApiDocument();
    const text = JSON.stringify(document);
    const defined = Object.keys((document['components'] as { schemas: object }).schemas);
    const referred = [...text.matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]);
    expect(new Set(referred)).toEqual(new Set(referred.filter((id) => defined.includes(id!))));
    expect(defined).toEqual(expect.arrayContaining(['GoalView', 'GoalRow', 'Problem', 'TimelineEntry']));
    expect(document['openapi']).toBe('3.1.1');
  });

  it(`is committed up to date in ${OPENAPI_FILE} (run: npm run generate -w @swarm/gateway)`, () => {
    const committed = readFileSync(path.join(repoRoot(), OPENAPI_FILE), 'utf8');
    expect(committed).toBe(openApiFileContent());
  });
});
