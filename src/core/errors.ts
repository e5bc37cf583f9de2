/** What an unknown thrown value says, for logs and messages (one helper instead of `(e as Error)` casts). */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The Node error code (`ENOENT`, `EACCES`…) of a thrown value, if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
