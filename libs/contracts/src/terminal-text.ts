/**
 * Characters that must not reach a terminal as they are: C0 controls other than tab and newline (ESC starts
 * escape sequences that recolour, move the cursor, set the window title or write hyperlinks; CR overwrites a
 * line), DEL, the C1 controls (U+0080 to U+009F, CSI among them) and the bidirectional formatting characters
 * (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) that make text read in another order than it is
 * stored ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every character of `UNSAFE` made visible as an escape (`\x1b`, `\u202e`), so goal text, page
 * content or a report printed to a terminal or a log shows what it holds and cannot drive the terminal. Tab and
 * newline stay. Pure.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
