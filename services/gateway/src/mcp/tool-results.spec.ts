import type { Principal } from '../api/gateway-operations.js';
import { GatewayError } from '../errors.js';
import { refuseWithoutRole, refusingKnownErrors, toolResult } from './tool-results.js';

const viewer: Principal = { subject: 'eve', roles: ['viewer'], via: 'token' };

describe('refuseWithoutRole', () => {
  it('refuses a caller without the role with a tool error that names the role', () => {
    const refusal = refuseWithoutRole(viewer, 'approver', 'decide_approval');
    expect(refusal?.isError).toBe(true);
    expect(refusal?.content).toEqual([
      { type: 'text', text: 'forbidden: decide_approval needs the role approver; eve holds viewer' },
    ]);
  });

  it('lets a caller with the role through', () => {
    expect(refuseWithoutRole(viewer, 'viewer', 'get_goal')).toBeUndefined();
  });
});

describe('refusingKnownErrors', () => {
  it('turns a gateway error into a tool error carrying its code', async () => {
    const result = await refusingKnownErrors(() =>
      Promise.reject(new GatewayError(404, 'report-not-ready', 'goal g-1 has no report.md (yet)')),
    );
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'report-not-ready: goal g-1 has no report.md (yet)' }],
    });
  });

  it('lets an unexpected error propagate', async () => {
    await expect(refusingKnownErrors(() => Promise.reject(new Error('bus down')))).rejects.toThrow(
      'bus down',
    );
  });

  it('passes a result through with its data as text and structuredContent', async () => {
    const result = await refusingKnownErrors(() => Promise.resolve(toolResult('Done.', { goalId: 'g-1' })));
    expect(result.structuredContent).toEqual({ goalId: 'g-1' });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Done.\n\n{\n  "goalId": "g-1"\n}' });
  });
});
