import { terminalSafe } from '@swarm/contracts';
import { SINK_NAMES, type DeliveryReceipt, type DeliverySink, type ReportDelivery } from './delivery-sink.js';

/** Writes the Markdown report to a stream (standard output unless told otherwise): the zero-setup sink. */
export class StdoutSink implements DeliverySink {
  readonly name = SINK_NAMES.stdout;
  /** A resend prints a second copy: harmless (the first may have gone with the dead replica's output). */
  readonly repeatable = true;

  constructor(private readonly out: NodeJS.WritableStream = process.stdout) {}

  /**
   * Writes the Markdown, with escape sequences and bidi controls made visible (`terminalSafe`: page content must
   * not drive the terminal that shows it), and resolves once the stream has taken it.
   */
  async deliver(report: ReportDelivery, signal?: AbortSignal): Promise<DeliveryReceipt> {
    signal?.throwIfAborted();
    const markdown = terminalSafe(report.markdown);
    const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
    await new Promise<void>((resolve, reject) => {
      this.out.write(text, (error) => (error ? reject(error) : resolve()));
    });
    return {
      sink: this.name,
      detail: `wrote the markdown report (${Buffer.byteLength(text)} bytes) to the stream`,
    };
  }
}
