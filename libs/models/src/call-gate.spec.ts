import { estimateCall, isBudgetRefusal, isGateRefusal } from './call-gate.js';

describe('estimateCall', () => {
  it('counts one call, the prompt at four characters a token plus the most output, and their price', () => {
    const prompt = [{ role: 'user', content: 'x'.repeat(390) }];
    const estimate = estimateCall(prompt, {
      maxOutputTokens: 1_000,
      price: { inputPerMTok: 1, outputPerMTok: 2 },
    });
    const input = Math.ceil(JSON.stringify(prompt).length / 4);
    expect(estimate).toEqual({ modelCalls: 1, tokens: input + 1_000, costUsd: (input + 2_000) / 1_000_000 });
  });
});

describe('isBudgetRefusal', () => {
  it('recognizes a budget-exhausted refusal and nothing else', () => {
    expect(isBudgetRefusal({ code: 'budget-exhausted', message: 'out', policy: 'degrade' })).toBe(true);
    expect(isBudgetRefusal({ code: 'model-timeout', message: 'slow' })).toBe(false);
    expect(isBudgetRefusal(new Error('budget-exhausted'))).toBe(false);
    expect(isBudgetRefusal(undefined)).toBe(false);
  });
});

describe('isGateRefusal', () => {
  it("recognizes the budget's and the rate limit's refusals and nothing else", () => {
    expect(isGateRefusal({ code: 'budget-exhausted', message: 'out' })).toBe(true);
    expect(isGateRefusal({ code: 'model-rate-limit-wait', message: 'no slot', retryable: true })).toBe(true);
    expect(isGateRefusal({ code: 'model-rate-limited', message: '429' })).toBe(false);
    expect(isGateRefusal(null)).toBe(false);
  });
});
