import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { z } from 'zod';
import { Authenticator } from '../auth/authenticator.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import type { GatewayConfig } from '../config.js';
import { openApiDocument } from '../openapi/openapi-document.js';
import { GATEWAY_VERSION } from '../version.js';
import type { ConfigResponse, WhoamiResponse } from './api-schemas.js';
import { API_PREFIX, GATEWAY_CONFIG } from './tokens.js';

/** `/api/v1/whoami`, `/api/v1/config`, `/api/v1/openapi.json`. */
@Controller(API_PREFIX.slice(1))
export class MetaController {
  constructor(
    private readonly authenticator: Authenticator,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('whoami')
  @Roles()
  whoami(@CurrentPrincipal() principal: Principal): z.infer<typeof WhoamiResponse> {
    return { subject: principal.subject, roles: [...principal.roles], via: principal.via };
  }

  @Get('config')
  @Public()
  publicConfig(): z.infer<typeof ConfigResponse> {
    const { oidc, jaegerUrl } = this.config;
    return {
      version: GATEWAY_VERSION,
      ...(jaegerUrl ? { jaegerUrl } : {}),
      ...(oidc
        ? { oidc: { issuer: oidc.issuer, ...(oidc.clientId ? { clientId: oidc.clientId } : {}) } }
        : {}),
      auth: this.authenticator.methods,
    };
  }

  @Get('openapi.json')
  @Public()
  @Header('Cache-Control', 'no-cache')
  openapi(): Record<string, unknown> {
    return openApiDocument({ serverUrl: this.config.publicUrl });
  }
}
