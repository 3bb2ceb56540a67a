import type { AgentCard } from '@a2a-js/sdk';
import { A2A_PROTOCOL_VERSION } from '@a2a-js/sdk';
import { duplicateInterfacesForLegacy } from '@a2a-js/sdk/compat/v0_3';

/** Where the A2A JSON-RPC endpoint is mounted, and the name of the card's bearer security scheme. */
export const A2A_PATHS = { rpc: '/a2a', card: '/.well-known/agent-card.json' } as const;
const BEARER = 'bearer';

/**
 * The swarm's public agent card: one skill (find and rank packages for a goal), JSON-RPC at
 * `<publicUrl>/a2a` for protocol 1.0 and, through the SDK's compat layer, 0.3 (whose card carries that URL as
 * `url`); streaming on, push notifications off; a bearer token on every call. Pure.
 */
export function buildAgentCard(publicUrl: string, version: string): AgentCard {
  const url = `${publicUrl.replace(/\/+$/, '')}${A2A_PATHS.rpc}`;
  return {
    name: 'Agent Swarm',
    description:
      'A swarm of agents that finds, reads and ranks open-source packages for a goal written in plain words, ' +
      'and answers with a Markdown report. A goal may wait for a human approval before its report is delivered.',
    supportedInterfaces: duplicateInterfacesForLegacy(
      [{ url, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: A2A_PROTOCOL_VERSION }],
      ['JSONRPC'],
    ),
    provider: undefined,
    version,
    capabilities: { streaming: true, pushNotifications: false, extensions: [], extendedAgentCard: false },
    securitySchemes: {
      [BEARER]: {
        scheme: {
          $case: 'httpAuthSecurityScheme',
          value: {
            description:
              'A gateway API token or an OpenID Connect access token; sending a goal needs the submitter role.',
            scheme: 'bearer',
            bearerFormat: '',
          },
        },
      },
    },
    securityRequirements: [{ schemes: { [BEARER]: { list: [] } } }],
    defaultInputModes: ['text'],
    defaultOutputModes: ['text', 'text/markdown'],
    skills: [
      {
        id: 'rank-packages',
        name: 'Find and rank packages',
        description:
          'Send the goal as the text of a message (e.g. "top 3 TypeScript libraries for parsing CSV"); the task ' +
          'follows the goal and ends with the ranked report as a Markdown artifact.',
        tags: ['packages', 'search', 'ranking', 'report'],
        examples: ['top 5 Python libraries for HTTP retries', 'a TypeScript schema validation library'],
        inputModes: ['text'],
        outputModes: ['text/markdown'],
        securityRequirements: [],
      },
    ],
    signatures: [],
  };
}
