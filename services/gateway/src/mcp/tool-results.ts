import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Principal, Role } from '../api/gateway-operations.js';
import { errorCodeOf } from '../a2a/error-code.js';
import { hasRole } from '../auth/roles.js';

/** A tool's answer: a sentence for the reader, then the same data as JSON, and as `structuredContent`. Pure. */
export function toolResult(sentence: string, data: Record<string, unknown>): CallToolResult {
  return {
    content: [{ type: 'text', text: `${sentence}\n\n${JSON.stringify(data, null, 2)}` }],
    structuredContent: data,
  };
}

/** A tool's refusal (`isError`), with a stable `code` in `structuredContent` (no structured result). Pure. */
export function toolRefusal(code: string, message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: `${code}: ${message}` }] };
}

/**
 * The refusal for a caller without `role` (it names the role), or undefined when the caller holds it. Pure.
 */
export function refuseWithoutRole(
  principal: Principal,
  role: Role,
  tool: string,
): CallToolResult | undefined {
  if (hasRole(principal, [role])) return undefined;
  return toolRefusal(
    'forbidden',
    `${tool} needs the role ${role}; ${principal.subject} holds ${principal.roles.join(', ') || 'no role'}`,
  );
}

/**
 * Runs a tool's work; an error the gateway names with a stable code (goal-not-found, report-not-ready,
 * approval-not-pending, invalid-goal, swarm-full, ...) becomes a refusal the model can read, anything else
 * propagates (the SDK reports it as a tool error too).
 */
export async function refusingKnownErrors(work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === undefined) throw error;
    return toolRefusal(code, error instanceof Error ? error.message : String(error));
  }
}
