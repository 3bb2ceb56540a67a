import { Controller, Delete, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/roles.js';
import { createSwarmMcpServer } from './mcp-server.js';
import type { McpDoorOptions } from './mcp-options.js';
import { MCP_DOOR_OPTIONS } from './mcp-options.js';

/**
 * `/mcp`, Streamable HTTP, stateless. The global `AuthGuard` authenticates every request (401 without a bearer
 * token, 429 over the rate limit); each POST is then served by a new MCP server and transport that close with
 * the response, and each tool checks the caller's role. GET (a standalone event stream) and DELETE (ending a
 * session) have nothing to serve without sessions: 405.
 */
@Controller('mcp')
export class McpController {
  constructor(@Inject(MCP_DOOR_OPTIONS) private readonly options: McpDoorOptions) {}

  @Post()
  async handle(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const server = createSwarmMcpServer(this.options, principal);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  }

  @Get()
  stream(@Res() response: Response): void {
    methodNotAllowed(response);
  }

  @Delete()
  end(@Res() response: Response): void {
    methodNotAllowed(response);
  }
}

function methodNotAllowed(response: Response): void {
  response
    .status(405)
    .set('Allow', 'POST')
    .json({
      jsonrpc: '2.0',
      error: { code: -32000, message: 'method not allowed: this MCP server is stateless, POST only' },
      id: null,
    });
}
