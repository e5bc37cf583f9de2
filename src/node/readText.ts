import { readFileSync, statSync } from 'fs';
import { ioReason } from '../core/errors';

/** A problem with an input file that the user can act on; `code` is the process exit code to use. */
export class InputError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
    this.name = 'InputError';
  }
}

/** Reads a UTF-8 text page as is (CRLF and BOM kept), refusing directories, binary and invalid UTF-8 with a clear message. */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, not a text file`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: ${ioReason(e)}`);
  }
  const problem = textProblem(bytes);
  if (problem) throw new InputError(`${path}: ${problem}`);
  return bytes.toString('utf8');
}

/** Why `bytes` is not a UTF-8 text page, or undefined when it is. */
export function textProblem(bytes: Uint8Array): string | undefined {
  if (bytes.indexOf(0) !== -1) return 'looks binary (contains NUL bytes)';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'is not valid UTF-8';
  }
  return undefined;
}
