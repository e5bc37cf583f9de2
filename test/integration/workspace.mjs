// A fresh workspace for one run: a temp copy of seeds/ plus the integration fixtures (never the originals).
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/code-server.mjs';

export function makeWorkspace(prefix = 'biaozhu-ws-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const from of [join(repoRoot, 'seeds'), join(repoRoot, 'test', 'integration', 'fixtures')]) {
    for (const name of readdirSync(from)) cpSync(join(from, name), join(dir, name), { recursive: true });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
