import { Controller, Get, Inject, Next, Post, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Public } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { hasRole } from '../auth/roles.js';
import { forbidden } from '../errors.js';
import type { A2aHttp } from './a2a-http.js';
import { createA2aHttp, sendsGoal } from './a2a-http.js';
import type { A2aDoorOptions } from './a2a-options.js';
import { A2A_DOOR_OPTIONS } from './a2a-options.js';

/**
 * The A2A door: the public agent card at `/.well-known/agent-card.json` and JSON-RPC at `POST /a2a` (the global
 * `AuthGuard` wants a bearer token; a method that submits a goal needs the submitter role, refused with 403
 * before the SDK sees it).
 */
@Controller()
export class A2aController {
  private readonly http: A2aHttp;

  constructor(@Inject(A2A_DOOR_OPTIONS) options: A2aDoorOptions) {
    this.http = createA2aHttp(options);
  }

  @Get('.well-known/agent-card.json')
  @Public()
  card(@Req() request: Request, @Res() response: Response, @Next() next: NextFunction): void {
    this.http.card(request, response, next);
  }

  @Post('a2a')
  rpc(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Next() next: NextFunction,
  ): void {
    if (sendsGoal(request.body) && !hasRole(principal, ['submitter'])) throw forbidden(['submitter']);
    this.http.serve(request, response, next, principal);
  }
}
