import { SseParser } from './sse';

describe('SseParser', () => {
  it('reads an event split across chunks at any point', () => {
    const stream = 'id: 7\nevent: task.claimed\ndata: {"type":"task.claimed"}\n\n';
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];
      expect(events).toEqual([{ id: '7', event: 'task.claimed', data: '{"type":"task.claimed"}' }]);
    }
  });

  it('joins multi-line data with newlines and accepts CRLF, CR and LF line ends', () => {
    const parser = new SseParser();
    expect(parser.push('data: one\r\ndata: two\rdata:three\n\r\n')).toEqual([
      { id: '', event: 'message', data: 'one\ntwo\nthree' },
    ]);
  });

  it('waits for the LF after a CR that ends a chunk', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ id: '', event: 'message', data: 'a' }]);
  });

  it('skips heartbeat comments and remembers the last id for Last-Event-ID', () => {
    const parser = new SseParser();
    const events = parser.push(': heartbeat\n\nid: 3\ndata: x\n\n: heartbeat\n\nid: 4\ndata: y\n\n');
    expect(events.map((e) => e.data)).toEqual(['x', 'y']);
    expect(parser.lastEventId).toBe('4');
  });

  it('dispatches an event that has a type but no data, as the gateway ends a stream', () => {
    expect(new SseParser().push('event: end\n\n')).toEqual([{ id: '', event: 'end', data: '' }]);
  });

  it('keeps the id across events, ignores an id with NUL and reads retry', () => {
    const parser = new SseParser();
    const events = parser.push('id: 9\ndata: a\n\nid: bad\0id\ndata: b\n\nretry: 2500\nretry: soon\n');
    expect(events.map((e) => e.id)).toEqual(['9', '9']);
    expect(parser.retryMs).toBe(2500);
  });

  it('strips a leading byte-order mark and only one space after the colon', () => {
    expect(new SseParser().push('\uFEFFdata:  two spaces\n\n')).toEqual([
      { id: '', event: 'message', data: ' two spaces' },
    ]);
  });
});
