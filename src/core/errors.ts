/** What an unknown thrown value says, for logs and messages (one helper instead of `(e as Error)` casts). */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The Node error code (`ENOENT`, `EACCES`…) of a thrown value, if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why a file could not be read, in words for a message: `missing` for ENOENT, permission, else the error's message. */
export function ioReason(e: unknown, missing = 'no such file'): string {
  const code = errorCode(e);
  return code === 'ENOENT' ? missing : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : messageOf(e);
}
