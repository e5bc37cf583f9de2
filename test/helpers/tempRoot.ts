/**
 * Loaded by mocha before any test file (.mocharc.json `require`): every temporary folder the unit tests make,
 * and those of the processes they start, goes under one folder of this run, removed when the run ends, so
 * `npm test` leaves nothing behind in the system's temp directory whatever a test forgets.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const root = mkdtempSync(join(tmpdir(), 'biaozhu-unit-'));
// os.tmpdir() reads TMPDIR on POSIX and TEMP/TMP on Windows, at each call; child processes inherit them.
process.env.TMPDIR = process.env.TEMP = process.env.TMP = root;

export function mochaGlobalTeardown(): void {
  rmSync(root, { recursive: true, force: true });
}
