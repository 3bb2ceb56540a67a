/** One Dockerfile instruction, continuation lines joined. */
export interface DockerInstruction {
  readonly keyword: string;
  readonly args: string;
  /** 1-based line where the instruction starts. */
  readonly line: number;
}

/** A build stage: its base, its name (after `AS`), and its instructions (FROM excluded). */
export interface DockerStage {
  readonly from: string;
  readonly name: string | undefined;
  readonly instructions: readonly DockerInstruction[];
}

/** A parsed Dockerfile: the ARGs declared before the first FROM (with defaults) and the stages. */
export interface Dockerfile {
  readonly globalArgs: Readonly<Record<string, string | undefined>>;
  readonly stages: readonly DockerStage[];
}

/** Splits a Dockerfile into instructions: comments and blank lines dropped, `\` continuations joined. */
export function dockerInstructions(text: string): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line.trim().startsWith('#') || (line.trim() === '' && pending === undefined)) return;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1) : line;
    pending = pending
      ? { text: `${pending.text} ${body.trim()}`, line: pending.line }
      : { text: body.trim(), line: index + 1 };
    if (continued) return;
    const match = /^(\S+)\s*(.*)$/s.exec(pending.text);
    if (match)
      instructions.push({
        keyword: (match[1] ?? '').toUpperCase(),
        args: (match[2] ?? '').trim(),
        line: pending.line,
      });
    pending = undefined;
  });
  return instructions;
}

/** Parses a Dockerfile into global ARGs and stages. Throws when an instruction precedes the first FROM. */
export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string | undefined> = {};
  const stages: { from: string; name: string | undefined; instructions: DockerInstruction[] }[] = [];
  for (const instruction of dockerInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const as = words.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({ from: words[0] ?? '', name: as >= 0 ? words[as + 1] : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG')
        throw new Error(`line ${instruction.line}: ${instruction.keyword} before FROM`);
      const [name, value] = instruction.args.split('=', 2);
      globalArgs[(name ?? '').trim()] = value?.trim();
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

/** Replaces `${NAME}` and `$NAME` with the given values; unknown names are left as they are. */
export function substituteArgs(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, bare?: string) => {
    const value = values[braced ?? bare ?? ''];
    return value ?? match;
  });
}

/** The stage named `name`. Throws when there is none. */
export function stage(dockerfile: Dockerfile, name: string): DockerStage {
  const found = dockerfile.stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no stage named ${name}`);
  return found;
}

/**
 * The stage and every stage it is built `FROM`, nearest first: instructions of a later stage override earlier
 * ones (USER, ENTRYPOINT, HEALTHCHECK, ENV).
 */
export function stageChain(dockerfile: Dockerfile, name: string): DockerStage[] {
  const chain: DockerStage[] = [];
  let current: DockerStage | undefined = stage(dockerfile, name);
  while (current) {
    chain.push(current);
    const base: string = current.from;
    current = dockerfile.stages.find((candidate) => candidate.name === base);
  }
  return chain;
}

/** The effective value of an instruction in a stage (the nearest one along its FROM chain). */
export function effective(
  dockerfile: Dockerfile,
  stageName: string,
  keyword: string,
): DockerInstruction | undefined {
  for (const link of stageChain(dockerfile, stageName)) {
    const found = link.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
    if (found) return found;
  }
  return undefined;
}

/** The environment a stage sets (ENV along its FROM chain, later wins), with ARG defaults and `args` substituted. */
export function stageEnv(
  dockerfile: Dockerfile,
  stageName: string,
  args: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const link of stageChain(dockerfile, stageName).reverse()) {
    const values: Record<string, string | undefined> = { ...dockerfile.globalArgs };
    for (const instruction of link.instructions) {
      if (instruction.keyword === 'ARG') {
        const [name, value] = instruction.args.split('=', 2);
        const key = (name ?? '').trim();
        values[key] = args[key] ?? value?.trim();
      }
      if (instruction.keyword !== 'ENV') continue;
      for (const [, key, quoted, plain] of instruction.args.matchAll(/(\w+)=(?:"([^"]*)"|(\S*))/g)) {
        env[key ?? ''] = substituteArgs(quoted ?? plain ?? '', { ...values, ...env });
      }
    }
  }
  return env;
}

/** The argv of an exec-form instruction (`["a", "b"]`), or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : undefined;
}
