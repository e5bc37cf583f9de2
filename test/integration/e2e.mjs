// Browser end-to-end test, as a user would: package the VSIX, install it into a fresh code-server, open a
// copy of seeds/ in Chromium, run commands from the palette by keyboard, tag through the side panel, export,
// check the file on disk, prove a hostile document is shown as text, and save light/dark screenshots.
// Writes docs/screenshots/*.png and bench/results/extension.json (VSIX size, time to first decorations).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { cacheDir, chromiumLaunchOptions, cleanSettings, codeServerCli, ensureCodeServer, repoRoot, startCodeServer } from '../../scripts/code-server.mjs';
import { recordBench } from './bench.mjs';
import { makeWorkspace } from './workspace.mjs';

const shots = join(repoRoot, 'docs', 'screenshots');
const HOSTILE = ["<script>console.log('BIAOZHU-PWNED-script');alert(1)</script>", `<img src=x onerror="console.log('BIAOZHU-PWNED-img');alert(2)">`, 'javascript:alert(4)'];
const timings = {};
const step = async (name, f) => {
  const t = Date.now();
  process.stderr.write(`[e2e] ${name} …\n`);
  try { return await f(); } finally { timings[name] = Date.now() - t; }
};

function packageVsix(out) {
  const r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`packaging failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

// ---- driving the workbench like a person ----
async function palette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await focusRow(page, title);
  await page.keyboard.press('Enter');
}

/** Moves the quick-input focus with the arrow keys to the row whose label starts with `label`. */
async function focusRow(page, label) {
  const focusedLabel = () => page.locator('.quick-input-list .monaco-list-row.focused').first().getAttribute('aria-label').catch(() => '');
  for (let i = 0; i < 10; i++) {
    if ((await focusedLabel())?.startsWith(label)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no quick-input row starting with ${JSON.stringify(label)}`);
}

async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Selects the first occurrence of `text` in the active editor with the find widget, then closes it. */
async function selectInEditor(page, text) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget textarea, .find-widget input').first();
  await find.waitFor({ state: 'visible' });
  await find.fill(text);
  await page.locator('.find-widget .matchesCount', { hasText: /\d+ of \d+/ }).waitFor();
  await page.keyboard.press('Escape');
}

const decorationCount = page => page.locator('.monaco-editor .view-lines span[class*="ced-"], .monaco-editor .view-overlays div[class*="ced-"]').count();

async function panelFrame(page) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (await f.locator('.bz-tagbar').count().catch(() => 0)) return f;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the side panel webview (.bz-tagbar) did not appear');
}

async function tagWithPanel(page, frame, text, label) {
  await selectInEditor(page, text);
  const button = frame.locator(`button.bz-tag[data-focus-key="tag:${label}"]`);
  await button.waitFor();
  await frame.waitForFunction(l => !document.querySelector(`button.bz-tag[data-focus-key="tag:${l}"]`)?.disabled, label);
  await button.click();
}

/** Picks a colour theme as a user does (the picker writes workbench.colorTheme to settings.json). */
async function setTheme(page, theme, dark) {
  await palette(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
  await input.fill(theme);
  await focusRow(page, theme);
  await page.keyboard.press('Enter');
  await page.waitForFunction(d => document.querySelector('.monaco-workbench')?.classList.contains(d ? 'vs-dark' : 'vs') ?? false, dark, { timeout: 20_000 });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // The class flips before every part repaints: wait until the editor background itself has the new luminance.
  await page.waitForFunction(d => {
    const parts = [...document.querySelectorAll('.part.sidebar, .part.editor .monaco-editor .monaco-editor-background')];
    return parts.length > 1 && parts.every(el => {
      const [r, g, b] = (getComputedStyle(el).backgroundColor.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
      return (0.299 * r + 0.587 * g + 0.114 * b < 128) === d;
    });
  }, dark, { timeout: 20_000 });
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function screenshots(page, frame, suffix) {
  // Give the Annotations view the whole side bar: collapse the other views of its container.
  for (const header of await page.locator('.part.sidebar .pane-header[aria-expanded="true"]').all()) {
    if (!/annotations/i.test(await header.innerText())) await header.click();
  }
  await palette(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').first().waitFor({ state: 'detached' }).catch(() => {});
  await frame.locator('#bz-tab-entities').click();
  await page.screenshot({ path: join(shots, `editor-${suffix}.png`) });
  await page.locator('.part.sidebar').screenshot({ path: join(shots, `panel-${suffix}.png`) });
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(cacheDir, 'e2e-'));
  const vsix = await step('package', () => packageVsix(join(work, 'biaozhu.vsix'))).catch(e => {
    rmSync(work, { recursive: true, force: true });
    throw e;
  });
  const vsixBytes = statSync(vsix).size;
  ensureCodeServer();
  const extensionsDir = join(work, 'extensions');
  await step('install', () => codeServerCli(['--extensions-dir', extensionsDir, '--install-extension', vsix]));
  const installed = readdirSync(extensionsDir).filter(d => d.startsWith('biaozhu.biaozhu-'));
  if (installed.length !== 1) throw new Error(`the VSIX did not install into ${extensionsDir}: ${readdirSync(extensionsDir)}`);

  const ws = makeWorkspace('biaozhu-e2e-');
  const seed = readdirSync(ws.dir).find(n => /^\d.*\.txt$/.test(n));
  const server = await startCodeServer({ folder: ws.dir, extensionsDir, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const dialogs = [], pwned = [], pageErrors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('dialog', d => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('console', m => { if (m.text().includes('BIAOZHU-PWNED')) pwned.push(m.text()); });
    page.on('pageerror', e => pageErrors.push(e.message));
    await step('workbench', async () => {
      await page.goto(`${server.url}/?folder=${encodeURIComponent(ws.dir)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 }).catch(() => {});
    });

    const firstDecorations = await step('open seed → first decorations', async () => {
      const t = Date.now();
      await quickOpen(page, seed);
      await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-lines span[class*="ced-"], .monaco-editor .view-overlays div[class*="ced-"]').length > 0, null, { timeout: 60_000 });
      return Date.now() - t;
    });

    // VS Code's own activation figure for the installed extension (Developer: Show Running Extensions).
    const activationMs = await step('palette: Show Running Extensions', async () => {
      await palette(page, 'Developer: Show Running Extensions');
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: /biaozhu/i }).first();
      // The list is virtual and sorted by activation time: scroll until Biaozhu's row is rendered.
      await page.locator('.runtime-extensions-editor .monaco-list-row').first().waitFor();
      for (let i = 0; i < 40 && !(await row.count()); i++) {
        await page.locator('.runtime-extensions-editor .monaco-list').first().hover();
        await page.mouse.wheel(0, 300);
        await page.waitForTimeout(100);
      }
      await row.locator('.activation-time').waitFor();
      const text = await row.innerText();
      await page.keyboard.press('Control+W');
      await page.locator('.tabs-container .tab.active', { hasText: seed }).waitFor();
      const m = /Activation:\s*([\d.]+)\s*ms/.exec(text);
      if (!m) throw new Error(`no activation time in ${JSON.stringify(text)}`);
      return Number(m[1]);
    });

    await step('palette: Analyze Document', async () => {
      await palette(page, 'Biaozhu: Analyze Document');
      await page.waitForFunction(() => document.querySelectorAll('.monaco-editor [class*="ced-"]').length > 0);
    });
    if (!(await decorationCount(page))) throw new Error('no decorations after Analyze Document');

    const frame = await step('palette: Show Side Panel', async () => {
      await palette(page, 'Biaozhu: Show Side Panel');
      return panelFrame(page);
    });
    await frame.locator('.bz-tab').first().waitFor();

    // Tag through the panel: select a word in the editor, click the PER button.
    const exportTarget = join(ws.dir, seed.replace(/\.txt$/, '.json'));
    const seedText = readFileSync(join(ws.dir, seed), 'utf8');
    const tagged = await step('tag through the panel', async () => {
      // A heading line's first two characters: plain Han text that the test does not need to know in advance.
      const word = seedText.split('\n').map(l => l.trim()).find(l => /^[\u4e00-\u9fff]{6,}/.test(l)).slice(0, 2);
      await tagWithPanel(page, frame, word, 'WORK');
      await frame.locator('#bz-tab-entities').click();
      await frame.locator('.bz-tree .bz-text', { hasText: word }).first().waitFor();
      return word;
    });

    await step('palette: Export Annotations…', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await palette(page, 'Biaozhu: Export Annotations…');
      const input = page.locator('.quick-input-widget input');
      // First the format: pick "Biaozhu JSON" by typing, then the save dialog.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Biaozhu JSON' }).first().waitFor();
      await input.fill('Biaozhu JSON');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /^\/.*\.json$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''));
      // The save dialog (VS Code's simple file dialog in a browser) proposes <page>.json beside the page: accept it.
      const proposed = await input.inputValue();
      if (proposed !== exportTarget) throw new Error(`the save dialog proposed ${proposed}, expected ${exportTarget}`);
      await page.keyboard.press('Enter');
      const deadline = Date.now() + 20_000;
      while (!existsSync(exportTarget) && Date.now() < deadline) await page.waitForTimeout(100);
    });
    if (!existsSync(exportTarget)) throw new Error(`Export wrote nothing at ${exportTarget}`);
    const exported = JSON.parse(readFileSync(exportTarget, 'utf8'));
    if (exported.format !== 'biaozhu/annotations') throw new Error(`exported format ${exported.format}`);
    const manual = exported.annotations.filter(a => a.source === 'manual' && a.label === 'WORK' && a.text === tagged);
    if (manual.length !== 1) throw new Error(`the export holds ${manual.length} manual WORK annotations of ${JSON.stringify(tagged)}`);
    for (const a of exported.annotations) if (seedText.slice(a.start, a.end) !== a.text) throw new Error(`exported ${a.id} does not match the page`);

    await step('panel: Statistics of the page and the workspace', async () => {
      await frame.locator('#bz-tab-stats').click();
      const foot = frame.locator('.bz-stats').first().locator('tfoot td');
      await foot.first().waitFor();
      const [suggested, accepted, rejected] = (await foot.allInnerTexts()).map(t => Number(t.replace(/\D/g, '')));
      const count = s => exported.annotations.filter(a => a.status === s).length;
      if (suggested !== count('suggested') || accepted !== count('accepted') || rejected !== count('rejected')) {
        throw new Error(`the Statistics tab shows ${suggested}/${accepted}/${rejected} suggested/accepted/rejected, the export has ${count('suggested')}/${count('accepted')}/${count('rejected')}`);
      }
      const top = frame.locator('.bz-stats').first().locator('[role="listbox"] .bz-item');
      if ((await top.count()) === 0) throw new Error('no most frequent names or numbers on the Statistics tab');
      await frame.locator('button[data-focus-key="stats:count"]').click();
      const pages = frame.locator('.bz-stats').nth(1).locator('p.bz-dim');
      await pages.waitFor();
      const n = Number((await pages.innerText()).match(/\d+/)?.[0]);
      // Pages are the .txt files outside .biaozhu/ (which holds the learned lexicon.txt).
      const expected = readdirSync(ws.dir, { recursive: true }).map(String).filter(f => f.endsWith('.txt') && !f.startsWith('.biaozhu')).length;
      if (n !== expected) throw new Error(`the workspace statistics count ${n} pages, the workspace has ${expected}`);
      await frame.locator('.bz-panel').evaluate(el => { el.scrollTop = 0; });
      await page.locator('.part.sidebar').screenshot({ path: join(shots, 'panel-stats-light.png') });
    });

    await step('screenshots (light, dark)', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      await screenshots(page, frame, 'light');
      await setTheme(page, 'Dark Modern', true);
      await screenshots(page, frame, 'dark');
      await setTheme(page, 'Light Modern', false);
    });

    await step('hostile document shown as text', async () => {
      await quickOpen(page, 'injection.txt');
      await palette(page, 'Biaozhu: Analyze Document');
      const f = await panelFrame(page);
      await tagWithPanel(page, f, HOSTILE[0], 'PER');
      await tagWithPanel(page, f, HOSTILE[1], 'ORG');
      await tagWithPanel(page, f, HOSTILE[2], 'LOC');
      await f.locator('#bz-tab-entities').click();
      for (const h of HOSTILE) await f.locator('.bz-tree .bz-text', { hasText: h }).first().waitFor({ timeout: 15_000 });
      const injected = await f.evaluate(() => ({
        scripts: [...document.scripts].filter(s => s.textContent.includes('PWNED')).length,
        images: document.querySelectorAll('img[src="x"]').length,
        links: document.querySelectorAll('a[href^="javascript:"]').length,
      }));
      if (injected.scripts || injected.images || injected.links) throw new Error(`hostile markup became DOM: ${JSON.stringify(injected)}`);
      await page.screenshot({ path: join(shots, 'hostile-document.png') });
    });
    if (dialogs.length || pwned.length) throw new Error(`hostile text executed: dialogs ${JSON.stringify(dialogs)}, console ${JSON.stringify(pwned)}`);

    recordBench('e2e', { vsixBytes, activationMs, firstDecorationsUiMs: firstDecorations, packageMs: timings.package, installMs: timings.install });
    console.log(`[e2e] passed. VSIX ${(vsixBytes / 1e6).toFixed(2)} MB; timings (ms): ${JSON.stringify(timings)}`);
    console.log(`[e2e] screenshots: ${readdirSync(shots).map(f => join('docs/screenshots', f)).join(', ')}`);
  } catch (e) {
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: join(work, 'failure.png') }).catch(() => {});
    throw new Error(`${e.message}\n(screenshot of the failure: ${join(work, 'failure.png')}; timings ${JSON.stringify(timings)}; page errors ${JSON.stringify(pageErrors.slice(0, 5))})`);
  } finally {
    await browser.close();
    await server.stop();
    ws.remove();
  }
  rmSync(work, { recursive: true, force: true });
}

try {
  await main();
} catch (e) {
  console.error(`[e2e] FAILED: ${e.stack ?? e}`);
  process.exit(1);
}
