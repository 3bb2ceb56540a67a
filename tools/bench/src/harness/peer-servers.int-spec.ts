import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@swarm/testing';
import pg from 'pg';
import { startPostgres } from './postgres-server.js';
import { startRestate } from './restate-server.js';

// The private servers LangGraph and Restate run on, started for real (initdb + postgres, restate-server): each
// must serve, keep its durability defaults, and leave no process and no directory behind, whether stopped or
// abandoned by a harness that exits without stopping it.

/** True once `pid` no longer runs (gone, or a zombie waiting for its reaper). */
function gone(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The command name of `pid` (`/proc/<pid>/comm`). */
function commandOf(pid: number): string {
  return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
}

describe('the private PostgreSQL', () => {
  it('serves on loopback with fsync and synchronous commits on, and is gone with its directory once stopped', async () => {
    const server = await startPostgres();
    const client = new pg.Client({ connectionString: server.url });
    try {
      expect(commandOf(server.pid)).toBe('postgres');
      await client.connect();
      const setting = async (name: string) =>
        (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name];
      expect(await setting('fsync')).toBe('on');
      expect(await setting('synchronous_commit')).toBe('on');
      await client.query('CREATE TABLE probe (n int)');
      await client.query('INSERT INTO probe VALUES (7)');
      expect((await client.query<{ n: number }>('SELECT n FROM probe')).rows).toEqual([{ n: 7 }]);
    } finally {
      await client.end();
      await server.stop();
    }
    expect(gone(server.pid)).toBe(true);
    expect(existsSync(server.dir)).toBe(false);
  });
});

describe('the private restate-server', () => {
  it('runs the server binary itself (not a launcher), answers with no deployment yet, and is gone once stopped', async () => {
    const server = await startRestate();
    try {
      // The harness's own child, so it dies with the harness and the CPU meter finds it by name.
      expect(commandOf(server.pid)).toBe('restate-server');
      const response = await fetch(`${server.adminUrl}/deployments`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ deployments: [] });
      expect(server.version).toMatch(/^\d+\.\d+/);
    } finally {
      await server.stop();
    }
    expect(gone(server.pid)).toBe(true);
    expect(existsSync(server.dir)).toBe(false);
  });
});

describe('a harness that exits without stopping its servers', () => {
  it('takes both servers and their directories with it', async () => {
    // The built harness (dist/, as the benchmark runs it) starts both servers, prints where they are and exits.
    const dist = join(__dirname, '..', '..', 'dist', 'harness');
    const script = [
      `const { startPostgres } = await import(${JSON.stringify(join(dist, 'postgres-server.js'))});`,
      `const { startRestate } = await import(${JSON.stringify(join(dist, 'restate-server.js'))});`,
      'const servers = [await startPostgres(), await startRestate()];',
      'console.log(JSON.stringify(servers.map(({ pid, dir }) => ({ pid, dir }))));',
      'process.exit(3);',
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(3);
    const servers = JSON.parse(output.trim()) as { pid: number; dir: string }[];
    expect(servers).toHaveLength(2);
    for (const server of servers) {
      await waitFor(() => gone(server.pid), { timeoutMs: 10_000, description: `pid ${server.pid} to end` });
      expect(existsSync(server.dir)).toBe(false);
    }
  });
});
