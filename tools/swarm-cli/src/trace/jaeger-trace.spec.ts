import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JaegerTracesResponse, renderWaterfall, toWaterfall } from './jaeger-trace.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '../../test/fixtures', name), 'utf8'));

describe('the Jaeger trace parser', () => {
  const waterfall = toWaterfall(JaegerTracesResponse.parse(fixture('jaeger-trace.json')))!;

  it('places every span under its parent, siblings by start time, with offsets from the trace start', () => {
    expect(waterfall.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(waterfall.rows.map((r) => `${r.depth}:${r.service}:${r.operation}`)).toEqual([
      '0:swarm-cli:send swarm.evt.g-20261121-061418-bebb25.goal.submitted',
      '1:search:process swarm.evt.g-20261121-061418-bebb25.goal.submitted',
      '2:search:search index',
      '2:search:send swarm.task.scrape',
      '3:scraper:process swarm.task.scrape',
      '4:scraper:GET',
      '4:scraper:send swarm.task.rank',
      '5:ranker:process swarm.task.rank',
      '6:ranker:ack swarm.task.rank',
      '2:search:send swarm.task.scrape',
      '3:scraper:process swarm.task.scrape',
    ]);
    expect(waterfall.rows[1]).toMatchObject({ offsetMs: 1.2, durationMs: 15 });
    expect(waterfall.durationMs).toBeCloseTo(122);
  });

  it('keeps the join links, errors and span events', () => {
    const rank = waterfall.rows.find((r) => r.operation === 'process swarm.task.rank')!;
    expect(rank.links).toBe(2);
    const failed = waterfall.rows.filter((r) => r.error);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.events).toEqual(['dead-lettered']);
  });

  it('renders one line per span with service, offset, duration, status and links', () => {
    const lines = renderWaterfall(waterfall);
    expect(lines[0]).toBe('trace 4bf92f3577b34da6a3ce929d0e0e4736: 11 spans over 122.0ms');
    expect(lines.find((l) => l.includes('process swarm.task.rank'))).toMatch(
      /ranker .*\+ *97\.0ms +25\.0ms .*ok, links 2$/,
    );
    expect(lines.find((l) => l.includes('ERROR'))).toMatch(/ERROR, dead-lettered$/);
  });

  it('finds nothing in an empty response', () => {
    expect(toWaterfall(JaegerTracesResponse.parse(fixture('jaeger-empty.json')))).toBeUndefined();
  });
});
