import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { terminalSafe } from '@swarm/contracts';
import { startTelemetry, TelemetryEnv } from '@swarm/telemetry';
import { exitOf } from './cli-exit.js';
import { buildProgram } from './cli-program.js';
import { EXIT_CODES } from './errors.js';

const env = process.env;
// The CLI's publish of a goal is the root span of the goal's trace (exported when OTEL_EXPORTER_OTLP_ENDPOINT is set).
const telemetryEnv = TelemetryEnv.safeParse(env);
const telemetry = startTelemetry({
  serviceName: 'swarm-cli',
  serviceInstanceId: `${hostname()}-${process.pid}`,
  env: {
    ...(telemetryEnv.success ? telemetryEnv.data : TelemetryEnv.parse({})),
    OTEL_METRICS_EXPORTER: 'none',
  },
});

let exitCode: number = EXIT_CODES.ok;
let exiting = false;
/** Flushes the telemetry once and exits; a second call (a closed pipe while already exiting) does nothing. */
function exit(code: number, line?: string): void {
  if (exiting) return;
  exiting = true;
  if (line) process.stderr.write(`${terminalSafe(line)}\n`);
  void telemetry.shutdown().finally(() => process.exit(code));
}

// A reader that closes stdout early (`swarm goal ... --wait | head -1`) is no crash: stop printing and exit
// quietly with the exit code decided so far, instead of dying on an unhandled EPIPE with a stack trace.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
  exit(exitCode);
});
// Goal text, page content and reports come from outside: escape sequences and bidi controls in them are shown,
// never acted on by the terminal.
const write = (text: string) => {
  if (!stdoutClosed) process.stdout.write(terminalSafe(text));
};

/** The version of this package (tools/swarm-cli/package.json, one level above src/ and dist/). */
const version = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))).version;

const program = buildProgram({
  env,
  stateDir: path.resolve(env['SWARM_STATE_DIR'] ?? '.swarm'),
  version,
  out: (line) => write(`${line}\n`),
  write: { out: write, err: (text) => process.stderr.write(terminalSafe(text)) },
  whoami: () => env['SWARM_USER'] ?? userInfo().username,
  setExitCode: (code) => {
    exitCode = code;
  },
});

program.parseAsync(process.argv).then(
  () => exit(exitCode),
  (error: unknown) => {
    const { exitCode: code, line } = exitOf(error);
    exit(code, line);
  },
);
