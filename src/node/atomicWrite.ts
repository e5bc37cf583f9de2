import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'fs';
import { mkdir, open, rename, unlink } from 'fs/promises';
import { basename, dirname, join } from 'path';
import { errorCode, messageOf } from '../core/errors';
import type { ByteParts } from './byteParts';

/**
 * Writes that a crash or kill at any moment leaves as either the complete old file or the complete new
 * one: the data goes to a temporary file in the same folder, is flushed to disk, then renamed over the
 * target (rename is atomic within one file system). Readers only ever open the target path.
 *
 * A kill between creating and renaming the temporary file leaves it behind; it is named
 * `.NAME.PID.N.tmp` (hidden, beside the target) so `removeStaleTemps` can delete the ones whose writer
 * process is gone. Nothing else ever reads them.
 */

let counter = 0;

/** A temporary name unique within this process and across processes writing the same target. */
function tempFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
}

/** True for a name `tempFor` produces for `target`'s basename (any writer process). */
export function isTempOf(target: string, name: string): { pid: number } | undefined {
  const prefix = `.${basename(target)}.`;
  if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return undefined;
  const m = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length));
  return m ? { pid: Number(m[1]) } : undefined;
}

const toBytes = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

/**
 * Blocking form, for the command line. `durable: false` skips the flush before the rename: the file is still
 * never torn by a kill (the rename is atomic and the data is in the page cache), but a power cut may leave it
 * empty. Only for outputs a rerun checks and redoes anyway (a batch's outputs, by their sha256): the flush
 * costs a disk round trip per file, about an eighth of a batch's wall time on this machine.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, { durable = true } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempFor(path);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, toBytes(data));
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* never created, or already renamed */ }
    throw writeError(path, e);
  }
}

/** The same guarantee without blocking the event loop (the extension host uses this, through WriteQueue). */
export async function writeFileAtomicAsync(path: string, data: string | Uint8Array | ByteParts): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempFor(path);
  try {
    const fh = await open(tmp, 'w');
    try {
      // Slices are written one after another, never joined into one buffer on the caller's thread.
      for (const part of Array.isArray(data) ? data as ByteParts : [toBytes(data as string | Uint8Array)]) {
        for (let at = 0; at < part.length;) at += (await fh.write(part, at, part.length - at)).bytesWritten;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmp, path);
  } catch (e) {
    try { await unlink(tmp); } catch { /* never created, or already renamed */ }
    throw writeError(path, e);
  }
}

const REASONS: Record<string, string> = {
  EISDIR: 'is a folder', EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', ENOTDIR: 'a parent is not a folder', ENOENT: 'the folder does not exist',
};

/** An error naming the target (never the temporary) and the reason in words; `code` is kept for callers. */
function writeError(path: string, e: unknown): Error {
  const code = errorCode(e);
  const err: NodeJS.ErrnoException = new Error(`cannot write ${path}: ${(code && REASONS[code]) ?? messageOf(e)}`);
  err.code = code;
  return err;
}

/** On Windows a virus scanner or indexer briefly holding the target makes rename fail with EPERM/EBUSY. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (e) {
      const code = errorCode(e);
      if (attempt >= 4 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
      await new Promise(r => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}

/**
 * Deletes temporary files left beside `target` by writers that no longer run (killed mid-write).
 * Temporaries of live processes, including this one, are left alone. Returns the names removed.
 */
export function removeStaleTemps(target: string): string[] {
  let names: string[];
  try { names = readdirSync(dirname(target)); } catch { return []; }
  const removed: string[] = [];
  for (const name of names) {
    const temp = isTempOf(target, name);
    if (!temp || temp.pid === process.pid || isAlive(temp.pid)) continue;
    try { unlinkSync(join(dirname(target), name)); removed.push(name); } catch { /* gone already */ }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

/**
 * `removeStaleTemps` for a whole output tree, walked once (a batch writing thousands of files beside each
 * other would otherwise list their folder once per file). Returns the paths removed.
 */
export function removeStaleTempsUnder(dir: string): string[] {
  const removed: string[] = [];
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return removed; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { removed.push(...removeStaleTempsUnder(p)); continue; }
    const m = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/.exec(e.name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    try { unlinkSync(p); removed.push(p); } catch { /* gone already */ }
  }
  return removed;
}
