/** One Server-Sent Event, as the gateway's `/goals/{id}/events` stream sends it. */
export interface SseEvent {
  /** The `event:` field; `message` when absent. */
  readonly event: string;
  readonly data: string;
  /** The last `id:` seen on the stream so far (the events stream sequence), or '' before any. */
  readonly id: string;
}

/**
 * An incremental parser for the `text/event-stream` format (WHATWG HTML, "Server-sent events"): feed it decoded
 * text in chunks of any size and it returns the events completed by that chunk. Comments (`: heartbeat`) are
 * skipped. Unlike the standard it also dispatches an event that has a type but no data (`event: end`), because
 * the gateway ends a goal's stream that way. Pure: no I/O.
 */
export class SseParser {
  private buffer = '';
  private started = false;
  private data: string[] = [];
  private type = '';
  private lastId = '';
  /** The `retry:` the server last asked for, in milliseconds. */
  retryMs: number | undefined;

  /** The id of the last event seen; send it back as `Last-Event-ID` to resume. */
  get lastEventId(): string {
    return this.lastId;
  }

  /** Parses one more chunk; returns the events it completed, in order. */
  push(chunk: string): SseEvent[] {
    let text = this.buffer + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      // A lone '\r' at the very end may be the first half of '\r\n': wait for the next chunk.
      if (c === '\r' && i === text.length - 1) break;
      const event = this.line(text.slice(start, i));
      if (event) events.push(event);
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.buffer = text.slice(start);
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const hasData = this.data.length > 0;
    const event =
      hasData || this.type !== ''
        ? { event: this.type || 'message', data: this.data.join('\n'), id: this.lastId }
        : undefined;
    this.data = [];
    this.type = '';
    return event;
  }
}
