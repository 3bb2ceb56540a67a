import { may, refusalOf } from './roles';

describe('may and refusalOf', () => {
  it('lets each role do its own action only (an operator is not an approver)', () => {
    expect(may(['viewer', 'operator'], 'deadLetters')).toBe(true);
    expect(may(['viewer', 'operator'], 'decide')).toBe(false);
    expect(may(['submitter'], 'submit')).toBe(true);
    expect(may(['viewer', 'operator'], 'addBudget')).toBe(true);
    expect(may(['viewer', 'approver', 'submitter'], 'addBudget')).toBe(false);
  });

  it('names the missing role and the roles the user has', () => {
    expect(refusalOf(['viewer'], 'decide')).toBe('Needs the approver role; you have: viewer.');
    expect(refusalOf(['approver'], 'decide')).toBeUndefined();
  });
});
