import type { GoalEvent } from '@swarm/goal-views';
import { usageOf } from '@swarm/goal-views';
import { renderUsage } from './usage-lines.js';

function agentOf(body: Record<string, unknown>): string {
  const agent = body['agent'] as { kind?: string; instance?: string } | undefined;
  return agent ? `${agent.kind ?? '?'}@${agent.instance ?? '?'}` : '';
}

/** A field as text: strings as they are, anything else as JSON. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ms(value: unknown): string {
  const n = typeof value === 'number' ? value : 0;
  return n >= 1_000 ? `${(n / 1_000).toFixed(2)}s` : `${Math.round(n)}ms`;
}

/** ` · model ... · 2 calls · ...` when a task event carries model usage, else nothing. */
function usageSuffix(event: GoalEvent): string {
  const usage = usageOf(event);
  return usage ? ` · ${renderUsage(usage)}` : '';
}

/** What a goal does after its budget ran out, by its policy. */
function exhaustedNext(b: Record<string, unknown>): string {
  switch (b['policy']) {
    case 'pause':
      return `paused until a human adds to it: ${text(b['resumeHint'])}`;
    case 'degrade':
      return 'going on with the builtin brains';
    default:
      return 'the goal fails';
  }
}

/** `cost +0.25, deadline +600000ms`: what a `budget.added` added. */
function amounts(b: Record<string, unknown>): string {
  const names: Readonly<Record<string, string>> = { costUsd: 'cost', tokens: 'tokens', modelCalls: 'calls' };
  const add = (b['add'] ?? {}) as Record<string, unknown>;
  const parts = Object.entries(add).map(([name, value]) => `${names[name] ?? name} +${text(value)}`);
  if (typeof b['deadlineMs'] === 'number') parts.push(`deadline +${ms(b['deadlineMs'])}`);
  return parts.join(', ') || 'nothing';
}

/** `    +1.25s`: when an event happened, from the goal's start, padded to one width. Pure. */
export function offsetOf(event: GoalEvent, start: Date): string {
  return `+${((event.time.getTime() - start.getTime()) / 1_000).toFixed(2)}s`.padStart(9);
}

/**
 * One human line for one event, offset from the goal's start: what happened, by whom, how long, and what a
 * task attempt spent on a model when it called one. Pure.
 */
export function renderEventLine(event: GoalEvent, start: Date): string {
  const offset = offsetOf(event, start);
  const b = event.body;
  const task = text(b['taskId']);
  switch (event.type) {
    case 'goal.submitted':
      return `${offset}  goal submitted: "${String((b['goal'] as { text?: string } | undefined)?.text ?? '')}"`;
    case 'task.claimed':
      return `${offset}  ${agentOf(b)} claimed ${task} (delivery ${text(b['deliveryCount'])}, waited ${ms(b['waitedMs'])})`;
    case 'task.progress':
      return `${offset}  ${agentOf(b)} ${task}: ${text(b['message'])}`;
    case 'task.completed': {
      const emitted = Array.isArray(b['emitted']) ? b['emitted'].length : 0;
      return `${offset}  ${agentOf(b)} completed ${task} in ${ms(b['durationMs'])}${emitted > 0 ? `, handed off ${emitted}` : ''}${usageSuffix(event)}`;
    }
    case 'task.failed': {
      const error = b['error'] as { code?: string; message?: string } | undefined;
      const next = b['willRetry']
        ? `retry in ${ms(b['retryInMs'])}`
        : `dead-lettered as ${text(b['deadLetterId'])}`;
      return `${offset}  ${agentOf(b)} FAILED ${task} (delivery ${text(b['deliveryCount'])}, ${error?.code}: ${error?.message}); ${next}${usageSuffix(event)}`;
    }
    case 'approval.requested':
      return `${offset}  waiting for approval until ${text(b['expiresAt'])} on ${text(b['reportArtifact'])}: swarm review ${text(b['goalId'])}, then swarm approve ${text(b['goalId'])} | swarm reject ${text(b['goalId'])} --comment "..."`;
    case 'approval.granted':
      return `${offset}  approved by ${text(b['by'])}${b['comment'] ? `: ${text(b['comment'])}` : ''}`;
    case 'approval.rejected':
      return `${offset}  rejected by ${text(b['by'])}: ${text(b['comment'])}`;
    case 'goal.completed':
      return `${offset}  goal ${text(b['outcome'])}: ${text(b['summary'])}`;
    case 'goal.failed': {
      const reason = b['reason'] as { code?: string; message?: string } | undefined;
      return `${offset}  goal FAILED (${reason?.code}): ${reason?.message}`;
    }
    case 'budget.exhausted':
      return `${offset}  ${agentOf(b)} BUDGET EXHAUSTED (${text(b['shortfall'])}): ${text(b['reason'])}; ${exhaustedNext(b)}`;
    case 'budget.added': {
      const resumed = Array.isArray(b['resumed']) ? b['resumed'].length : 0;
      return `${offset}  budget added by ${text(b['by'])}: ${amounts(b)}; ${resumed} parked task(s) resumed`;
    }
    default:
      return `${offset}  ${event.type}`;
  }
}
