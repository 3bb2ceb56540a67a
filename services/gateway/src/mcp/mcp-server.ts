import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Principal } from '../api/gateway-operations.js';
import type { McpDoorOptions } from './mcp-options.js';
import { registerApprovalTools } from './approval-tools.js';
import { registerBudgetTools } from './budget-tools.js';
import { registerGoalTools } from './goal-tools.js';

/**
 * The swarm's MCP server for one authenticated request (the gateway is stateless: a new server per request):
 * submit_goal, get_goal, get_report, list_approvals, decide_approval, add_budget, each checking `principal`'s role.
 */
export function createSwarmMcpServer(
  { operations, version, limits }: McpDoorOptions,
  principal: Principal,
): McpServer {
  const server = new McpServer(
    { name: 'agent-swarm', title: 'Agent Swarm', version },
    {
      instructions:
        'Submit a goal with submit_goal, follow it with get_goal (waitSeconds), read the result with get_report. ' +
        'Goals that need a human approval show state awaiting-approval; an approver decides with decide_approval. ' +
        'Goals whose budget ran out show awaiting-budget; an operator adds to it with add_budget.',
    },
  );
  registerGoalTools(server, operations, principal, limits);
  registerApprovalTools(server, operations, principal);
  registerBudgetTools(server, operations, principal);
  return server;
}
