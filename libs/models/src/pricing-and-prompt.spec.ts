import { costOf } from './pricing.js';
import { correctionMessage, inputOfMessage, withInput } from './prompt.js';

describe('costOf', () => {
  it('prices input and output tokens per million', () => {
    expect(costOf({ input: 1_000_000, output: 500_000 }, { inputPerMTok: 0.15, outputPerMTok: 0.6 })).toBe(
      0.45,
    );
    expect(costOf({ input: 1234, output: 56 }, { inputPerMTok: 3, outputPerMTok: 15 })).toBe(0.004542);
  });

  it('is zero without a price', () => {
    expect(costOf({ input: 10_000, output: 10_000 }, { inputPerMTok: 0, outputPerMTok: 0 })).toBe(0);
  });
});

describe('correctionMessage', () => {
  it('lists every error and asks for the whole corrected object', () => {
    const message = correctionMessage(['quote "x" is not in the page', 'grade 4 is above 3']);
    expect(message).toContain('- quote "x" is not in the page\n- grade 4 is above 3');
    expect(message).toMatch(/whole corrected JSON object/);
  });
});

describe('withInput and inputOfMessage', () => {
  it('puts the input after the instructions as one line of JSON, and reads it back', () => {
    const message = withInput('Grade these.', { goal: 'x', n: [1, 2] });
    expect(message).toBe('Grade these.\n\nInput (JSON):\n{"goal":"x","n":[1,2]}');
    expect(inputOfMessage(message)).toEqual({ goal: 'x', n: [1, 2] });
  });

  it('names a message without input', () => {
    expect(() => inputOfMessage('no input here')).toThrow(/no "Input \(JSON\):" block/);
  });
});
