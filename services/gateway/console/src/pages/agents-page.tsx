import type { ApiClient } from '../lib/api';
import type { AgentQueue } from '../lib/api-types';
import { useLoad } from '../components/hooks';
import { ErrorNotice, PageTitle, TableHead, TableScroll } from '../components/ui';

/** How often the agents page asks again while it is shown. */
const AGENTS_REFRESH_MS = 5_000;

/**
 * The agents: each queue with its live replicas (and their instance ids), depth, acks pending, waiting pull
 * requests and the tasks completed in the last minute.
 */
export function AgentsPage({ api }: { readonly api: ApiClient }) {
  const agents = useLoad(
    (signal) => api.get<{ agents: AgentQueue[] }>('/agents', signal),
    'agents',
    AGENTS_REFRESH_MS,
  );
  return (
    <>
      <PageTitle>Agents</PageTitle>
      <ErrorNotice error={agents.error} />
      {agents.value && (
        <TableScroll label="Agents">
          <table>
            <caption class="visually-hidden">Agents and their queues</caption>
            <TableHead
              columns={[
                'Agent',
                'Queue',
                'Replicas',
                'Pending',
                'Ack pending',
                'Redelivered',
                'Waiting pull requests',
                'Completed last minute',
              ]}
            />
            <tbody>
              {agents.value.agents.map((agent) => (
                <tr key={agent.queue}>
                  <th scope="row">{agent.kind}</th>
                  <td class="mono">{agent.queue}</td>
                  <td>
                    {agent.replicas}
                    {agent.instances.length > 0 && (
                      <span class="muted mono instances">{agent.instances.join(', ')}</span>
                    )}
                  </td>
                  <td>{agent.pending}</td>
                  <td>{agent.ackPending}</td>
                  <td>{agent.redelivered ?? '–'}</td>
                  <td>{agent.waitingPullers}</td>
                  <td>{agent.completedLastMinute ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
