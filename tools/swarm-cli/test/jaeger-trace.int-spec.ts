import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CliError, runTrace } from '../src/index.js';

let server: Server;
let base: string;
const asked: URL[] = [];

beforeAll(async () => {
  const body = readFileSync(path.join(__dirname, 'fixtures/jaeger-trace.json'));
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    asked.push(url);
    const goal = (JSON.parse(url.searchParams.get('tags') ?? '{}') as Record<string, string>)[
      'swarm.goal.id'
    ];
    if (url.pathname !== '/api/traces') return void response.writeHead(404).end();
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(goal === 'g-20261121-061418-bebb25' ? body : '{"data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('swarm trace', () => {
  it('asks the Jaeger query API for the goal by its swarm.goal.id tag and prints the waterfall and the UI link', async () => {
    const lines: string[] = [];
    await runTrace('g-20261121-061418-bebb25', `${base}/`, (l) => lines.push(l));
    expect(asked.at(-1)?.searchParams.get('service')).toBe('search');
    expect(lines[0]).toContain('11 spans');
    expect(lines.at(-1)).toBe(`\nopen in Jaeger: ${base}/trace/4bf92f3577b34da6a3ce929d0e0e4736`);
  });

  it('says clearly when Jaeger has no trace for the goal, or when JAEGER_URL is missing', async () => {
    await expect(runTrace('g-unknown', base, () => undefined)).rejects.toThrow(/no trace for goal g-unknown/);
    await expect(runTrace('g-unknown', undefined, () => undefined)).rejects.toBeInstanceOf(CliError);
  });
});
