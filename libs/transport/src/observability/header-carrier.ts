import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import type { HeaderRecord } from '../bus/codec.js';

/** Reads W3C trace context (and baggage) from a header record, case-insensitively. */
export const headerGetter: TextMapGetter<HeaderRecord> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const found = Object.keys(carrier).find((name) => name.toLowerCase() === key.toLowerCase());
    return found === undefined ? undefined : carrier[found];
  },
};

/** Writes W3C trace context (and baggage) into a header record. */
export const headerSetter: TextMapSetter<HeaderRecord> = {
  set: (carrier, key, value) => {
    carrier[key] = [value];
  },
};
