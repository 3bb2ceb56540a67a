export { SINK_NAMES } from './delivery-sink.js';
export type { DeliveryReceipt, DeliverySink, ReportDelivery, SinkName } from './delivery-sink.js';
export { StdoutSink } from './stdout.sink.js';
export { FileSink } from './file.sink.js';
export { WebhookSink } from './webhook.sink.js';
export type { WebhookSinkOptions } from './webhook.sink.js';
export { EmailSink, GOAL_ID_HEADER, messageIdFor } from './email.sink.js';
export type { EmailSinkOptions } from './email.sink.js';
export {
  signStandardWebhook,
  signWebhook,
  STANDARD_WEBHOOK_HEADERS,
  standardWebhookKey,
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
} from './signature.js';
export type { HeaderSource, SignatureCheck, SignatureProblem } from './signature.js';
export { createSinks, parseSinkConfig, selectSinks, SinkEnv } from './sink-config.js';
export type { SinkConfig } from './sink-config.js';
