// A throw-away workspace: a temporary copy of seeds/ (plus any other folders), so nothing a run writes
// (sidecars, .biaozhu/) lands in the repository. Used by `npm start` and the real-editor tests.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './code-server.mjs';

export function makeWorkspace(prefix = 'biaozhu-ws-', folders = [join(repoRoot, 'seeds')]) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const from of folders) {
    for (const name of readdirSync(from)) cpSync(join(from, name), join(dir, name), { recursive: true });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
