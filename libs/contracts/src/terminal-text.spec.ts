import { terminalSafe } from './terminal-text.js';

describe('terminalSafe', () => {
  it('makes escape sequences, carriage returns and C1 controls visible instead of acting on the terminal', () => {
    expect(terminalSafe('\u001b]0;owned\u0007title \u001b[2Jclear')).toBe(
      '\\x1b]0;owned\\x07title \\x1b[2Jclear',
    );
    expect(terminalSafe('ok\rFAKE')).toBe('ok\\x0dFAKE');
    expect(terminalSafe('csi\u009b31m')).toBe('csi\\x9b31m');
  });

  it('makes bidirectional overrides visible so text reads in the order it is stored', () => {
    expect(terminalSafe('admin\u202e\u2066txt.exe')).toBe('admin\\u202e\\u2066txt.exe');
  });

  it('keeps tabs, newlines and every printable character, accents and emoji included', () => {
    const text = 'Top 5:\n\t1. café – 🚀 agents (ai)\n';
    expect(terminalSafe(text)).toBe(text);
  });
});
