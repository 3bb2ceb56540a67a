/** The bus schema version every message carries. Bump on a breaking change and keep reading the old one. */
export const SCHEMA_VERSION = 1 as const;
