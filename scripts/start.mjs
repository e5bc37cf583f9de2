// `npm start`: builds, then opens seeds/ in a real VS Code with this extension loaded from the repository.
// The desktop `code` when it is on PATH; otherwise code-server on 127.0.0.1 (installed on demand), printing
// the address to open. Runs until Ctrl+C; `npm run build` then "Developer: Reload Window" picks up changes.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureCodeServer, freePort, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';

const seeds = join(repoRoot, 'seeds');

function build() {
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
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
  child.on('exit', code => process.exit(code ?? 0));
}

async function withCodeServer() {
  ensureCodeServer();
  const wanted = Number(process.env.BIAOZHU_PORT || 8765);
  const port = (await portFree(wanted)) ? wanted : await freePort();
  // The smoke-test driver flag lets the workbench honour extensionDevelopmentPath in the URL's payload,
  // so the extension runs straight from this repository (no packaging, reload picks up a rebuild).
  const server = await startCodeServer({ port, folder: seeds, smokeTestDriver: true, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
  const url = workbenchUrl(server, { folder: seeds, extensionDevelopmentPath: repoRoot });
  console.log(`\nBiaozhu is running in code-server. Open this address in a browser:\n\n  ${url}\n\n(${seeds} with the extension from ${repoRoot}; Ctrl+C stops it.)`);
  let stopping = false;
  const stop = async () => { stopping = true; await server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', code => { if (stopping) return; console.error(`code-server exited (${code}):\n${server.output().slice(-2000)}`); process.exit(1); });
}

build();
if (onPath('code') && !process.env.BIAOZHU_CODE_SERVER) await withDesktop();
else await withCodeServer().catch(e => { console.error(`npm start failed: ${e.message}`); process.exit(1); });
