// Runs the integration suites (out/test/integration/suite) inside code-server's extension host, with the
// repository as the development extension and a fresh copy of seeds/ as the workspace. Exits with the
// suite's code. Build first: `npm run build && npm run compile-tests` (the npm script does both).
// How: the smoke-test driver payload (../shared/notes/real-vscode-testing.md, "Running mocha suites").
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions, repoRoot, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';
import { recordBench } from './bench.mjs';
import { makeWorkspace } from './workspace.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.BIAOZHU_SUITE_TIMEOUT_MS || 10 * 60_000);
const testsPath = join(repoRoot, 'out', 'test', 'integration', 'suite', 'index.js');

// Workbench chatter that says nothing about the extension or the tests.
const NOISE = /open-vsx|vsda|telemetry|marketplace|getaddrinfo|ERR_NAME_NOT_RESOLVED|Resolv(ing|ed) connection token|Creating a socket|reconnection-grace|additional builtin extensions|\[Service Worker\]|AccountPolicyGate|AgentHost|DefaultAccount|authentication provider|No search provider|^Canceled/;

export async function runSuites({ verbose = !!process.env.BIAOZHU_VERBOSE } = {}) {
  for (const f of [join(repoRoot, 'dist', 'extension.js'), testsPath]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build && npm run compile-tests\` first`);
  }
  const phases = {};
  let t = Date.now();
  const ws = makeWorkspace();
  const server = await startCodeServer({ folder: ws.dir, smokeTestDriver: true });
  phases.startServer = Date.now() - t;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const bench = {};
    const marks = { starts: 0, done: undefined };
    let finish;
    const exited = new Promise(r => { finish = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      const figure = /^BIAOZHU-BENCH (\{.*\})$/.exec(text.trim());
      if (figure) Object.assign(bench, JSON.parse(figure[1]));
      if (text.trim() === 'BIAOZHU-SUITES-START') marks.starts++;
      const done = /^BIAOZHU-SUITES-DONE (\{.*\})$/.exec(text.trim());
      if (done) marks.done = JSON.parse(done[1]);
      if (verbose || !NOISE.test(text)) process.stdout.write(`${type === 'info' || type === 'log' ? '' : `[${type}] `}${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', code => finish(code));
    t = Date.now();
    // A loaded 2-core machine (several helpers at once) can take longer than Playwright's 30 s default.
    await page.goto(workbenchUrl(server, { folder: ws.dir, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath }), { timeout: 180_000 });
    const timer = new Promise(r => setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS));
    const code = await Promise.race([exited, timer]);
    phases.suites = Date.now() - t;
    if (code === 'timeout') {
      await page.screenshot({ path: join(server.dir, '..', 'integration-timeout.png') }).catch(() => {});
      throw new Error(`the suites did not finish within ${SUITE_TIMEOUT_MS / 1000} s\ncode-server output:\n${server.output().slice(-4000)}`);
    }
    // The workbench reports exit 0 when an extension host dies and restarts: trust only a complete, single run.
    let verdict = code;
    if (marks.starts !== 1 || !marks.done || marks.done.failures > 0 || marks.done.passes === 0) {
      console.error(`[integration] the suites did not complete exactly once in one extension host (starts ${marks.starts}, result ${JSON.stringify(marks.done)}): the host crashed or restarted`);
      verdict = 1;
    }
    if (Object.keys(bench).length) recordBench('extensionHost', { ...bench, suitesPassed: verdict === 0 });
    if (verdict !== 0 || process.env.BIAOZHU_KEEP_LOGS) keepServerLogs(server, verdict !== 0);
    return { code: verdict, phases };
  } finally {
    await browser.close();
    await server.stop();
    ws.remove();
  }
}

/**
 * After a failed run (or any, with BIAOZHU_KEEP_LOGS=1): copies code-server's logs to test-output/integration-logs/
 * and, after a failure, prints the lines that say how an extension host ended (exit code, signal, out-of-memory),
 * so a crash is diagnosable from the CI log alone.
 */
function keepServerLogs(server, failed) {
  const target = join(repoRoot, 'test-output', 'integration-logs');
  const files = [];
  const walk = d => {
    for (const name of existsSync(d) ? readdirSync(d) : []) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p); else if (name.endsWith('.log')) files.push(p);
    }
  };
  walk(join(server.userDataDir, 'logs'));
  try { cpSync(join(server.userDataDir, 'logs'), target, { recursive: true }); } catch { /* nothing logged */ }
  if (!failed) return void console.error(`[integration] logs kept in ${target}`);
  const telling = /exited|exit code|signal|SIGSEGV|SIGABRT|SIGKILL|out of memory|heap|FATAL|crash|terminated|Unhandled/i;
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n').filter(l => telling.test(l));
    if (lines.length) console.error(`[integration] ${f.slice(server.userDataDir.length + 1)}:\n  ${lines.slice(-15).join('\n  ')}`);
  }
  console.error(`[integration] code-server output (tail):\n${server.output().slice(-3000)}`);
  console.error(`[integration] logs kept in ${target}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = Date.now();
  try {
    const { code, phases } = await runSuites();
    console.error(`[integration] exit ${code}; code-server start ${phases.startServer} ms, suites ${(phases.suites / 1000).toFixed(1)} s, total ${((Date.now() - t) / 1000).toFixed(1)} s`);
    process.exit(code);
  } catch (e) {
    console.error(`[integration] FAILED to run: ${e.stack ?? e}`);
    process.exit(1);
  }
}
