// A fresh workspace for one run: a temp copy of seeds/ plus the integration fixtures (never the originals).
import { join } from 'node:path';
import { repoRoot } from '../../scripts/code-server.mjs';
import { makeWorkspace as copyToTemp } from '../../scripts/workspace.mjs';

export const makeWorkspace = (prefix = 'biaozhu-ws-') =>
  copyToTemp(prefix, [join(repoRoot, 'seeds'), join(repoRoot, 'test', 'integration', 'fixtures')]);
