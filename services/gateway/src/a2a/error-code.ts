/** The stable `code` of a gateway error (`goal-not-found`, `report-not-ready`, ...), or undefined. Pure. */
export function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
