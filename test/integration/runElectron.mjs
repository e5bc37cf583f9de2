// Runs the same integration suites in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (this one cannot: use runCodeServer.mjs). Build first: `npm run test:electron` does.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../../scripts/code-server.mjs';
import { makeWorkspace } from './workspace.mjs';

const ws = makeWorkspace();
try {
  await runTests({
    version: process.env.BIAOZHU_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'suite', 'index.js'),
    launchArgs: [ws.dir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error(`[electron] integration suites failed: ${e?.message ?? e}`);
  process.exitCode = 1;
} finally {
  ws.remove();
}
