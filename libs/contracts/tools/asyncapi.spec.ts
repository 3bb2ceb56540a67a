import { Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { MESSAGE_CATALOG, QUEUES, STREAM_SPECS } from '../src/index.js';
import type { BusTopology } from './asyncapi.js';
import {
  addressParameters,
  buildAsyncApiDocument,
  channelId,
  componentName,
  GENERATE_COMMAND,
  renderAsyncApiYaml,
} from './asyncapi.js';

/** Spectral's severity scale is 0 error, 1 warning, 2 information, 3 hint. */
const isError = (diagnostic: { readonly severity: number }): boolean => diagnostic.severity === 0;

const topology: BusTopology = { catalog: MESSAGE_CATALOG, streams: STREAM_SPECS, queues: QUEUES };

describe('the AsyncAPI document', () => {
  const yaml = renderAsyncApiYaml(buildAsyncApiDocument(topology));

  it('parses with the AsyncAPI parser without a single error', async () => {
    const { document, diagnostics } = await new Parser().parse(yaml);
    const errors = diagnostics.filter(isError).map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('gives every catalog type a channel on its address, with its message and both operations', async () => {
    const { document } = await new Parser().parse(yaml);
    for (const entry of MESSAGE_CATALOG) {
      const channel = document!.channels().get(channelId(entry.type));
      expect(channel?.address()).toBe(entry.address);
      expect(
        channel
          ?.messages()
          .all()
          .map((m) => m.name()),
      ).toEqual([entry.type]);
      expect(
        document!
          .operations()
          .get(`send${componentName(entry.type)}`)
          ?.action(),
      ).toBe('send');
      expect(
        document!
          .operations()
          .get(`receive${componentName(entry.type)}`)
          ?.action(),
      ).toBe('receive');
    }
  });

  it('opens with a comment saying it is generated and how to regenerate it', () => {
    const [first, second] = yaml.split('\n');
    expect(first).toMatch(/^# Generated .* Do not edit\.$/);
    expect(second).toBe(`# Regenerate with: ${GENERATE_COMMAND}`);
    expect(parse(yaml)).toEqual(buildAsyncApiDocument(topology));
  });

  it('reads the same under YAML 1.1, so timestamps in examples stay strings for older parsers', () => {
    expect(parse(yaml, { version: '1.1' })).toEqual(buildAsyncApiDocument(topology));
  });

  it('refuses a document whose operation points at a missing channel, so the parser test can fail', async () => {
    const broken = yaml.replace('$ref: "#/channels/taskRank"', '$ref: "#/channels/noSuchChannel"');
    expect(broken).not.toBe(yaml);
    const { diagnostics } = await new Parser().parse(broken);
    expect(diagnostics.some((d) => isError(d) && d.code === 'invalid-ref')).toBe(true);
  });
});

describe('addressParameters', () => {
  it('lists the placeholders of an address in order', () => {
    expect(addressParameters('swarm.evt.{goalId}.goal.submitted')).toEqual(['goalId']);
    expect(addressParameters('swarm.dlq.{queue}')).toEqual(['queue']);
    expect(addressParameters('swarm.task.rank')).toEqual([]);
  });
});

describe('componentName', () => {
  it('turns a message type into a component name', () => {
    expect(componentName('goal.submitted')).toBe('GoalSubmitted');
    expect(componentName('dead-letter')).toBe('DeadLetter');
    expect(channelId('task.scrape')).toBe('taskScrape');
  });
});
