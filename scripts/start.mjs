// `npm start`: builds, then opens a temporary copy of seeds/ (so sidecars and .biaozhu/ never land in the
// repository; removed when it stops) in a real VS Code with this extension loaded from the repository.
// The desktop `code` when it is on PATH; otherwise code-server on 127.0.0.1 (installed on demand), printing
// the address to open. Runs until Ctrl+C; `npm run build` then "Developer: Reload Window" picks up changes.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureCodeServer, freePort, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { makeWorkspace } from './workspace.mjs';

const workspace = makeWorkspace('biaozhu-start-');
const seeds = workspace.dir;

function build() {
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) { workspace.remove(); process.exit(r.status ?? 1); }
}

const onPath = cmd => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;

const portFree = port => new Promise(res => {
  const s = createServer().once('error', () => res(false));
  s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
});

async function withDesktop() {
  console.log(`Opening ${seeds} in VS Code with the extension from ${repoRoot} …`);
  const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${repoRoot}`, seeds], { stdio: 'inherit' });
  process.on('SIGINT', () => child.kill('SIGINT'));
  child.on('exit', code => { workspace.remove(); process.exit(code ?? 0); });
}

async function withCodeServer() {
  ensureCodeServer();
  const wanted = Number(process.env.BIAOZHU_PORT || 8765);
  const port = (await portFree(wanted)) ? wanted : await freePort();
  // The smoke-test driver flag lets the workbench honour extensionDevelopmentPath in the URL's payload,
  // so the extension runs straight from this repository (no packaging, reload picks up a rebuild).
  const server = await startCodeServer({ port, folder: seeds, smokeTestDriver: true, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
  const url = workbenchUrl(server, { folder: seeds, extensionDevelopmentPath: repoRoot });
  console.log(`\nBiaozhu is running in code-server. Open this address in a browser:\n\n  ${url}\n\n(${seeds}, a copy of seeds/ removed on exit, with the extension from ${repoRoot}; Ctrl+C stops it.)`);
  let stopping = false;
  const stop = async () => { stopping = true; await server.stop(); workspace.remove(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', code => { if (stopping) return; workspace.remove(); console.error(`code-server exited (${code}):\n${server.output().slice(-2000)}`); process.exit(1); });
}

build();
if (onPath('code') && !process.env.BIAOZHU_CODE_SERVER) await withDesktop();
else await withCodeServer().catch(e => { workspace.remove(); console.error(`npm start failed: ${e.message}`); process.exit(1); });
