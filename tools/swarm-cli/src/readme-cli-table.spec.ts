import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from './cli-program.js';

/** The README's `swarm` CLI table is written by hand; this keeps it listing every command and option. */
const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The `swarm` CLI'), readme.indexOf('Exit codes:'));
/** The first cell of every row: the commands as the table writes them. */
const usageCells = section
  .split('\n')
  .filter((row) => row.startsWith('| `swarm'))
  .map((row) => row.split(/(?<!\\)\|/)[1] ?? '');

const program = buildProgram({
  env: {},
  stateDir: '/nonexistent',
  version: '0.0.0',
  out: () => undefined,
  write: { out: () => undefined, err: () => undefined },
  whoami: () => 'tester',
  setExitCode: () => undefined,
});

/** Every runnable command with its full name (`dlq list`) and its long options. */
function commandsOf(parent: Command, prefix = ''): { name: string; options: string[] }[] {
  return parent.commands.flatMap((command) => {
    const name = `${prefix}${command.name()}`;
    const own = command.commands.length > 0 ? [] : [{ name, options: command.options.map((o) => o.long!) }];
    return [...own, ...commandsOf(command, `${name} `)];
  });
}

describe('the README CLI table', () => {
  it.each(commandsOf(program).map((c) => [c.name, c.options] as const))(
    'lists "swarm %s" with every option it takes',
    (name, options) => {
      const cell = usageCells.find((c) => new RegExp(`\`swarm ${name}(?![a-z-])`).test(c));
      expect({ name, listed: cell !== undefined }).toEqual({ name, listed: true });
      expect(options.filter((option) => !cell!.includes(option))).toEqual([]);
    },
  );

  it('lists --version', () => {
    expect(usageCells.some((cell) => cell.includes('swarm --version'))).toBe(true);
  });
});
