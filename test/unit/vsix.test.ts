import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, statSync } from 'fs';
import { join, sep } from 'path';
import { SEGMENTER_ADDON } from '../../src/core/native';
import { repoRoot } from '../helpers/schema';

/**
 * What the VSIX may hold: only what runs (issue 17). A new file kind in the package fails here until it is
 * added on purpose, with a reason. Paths as `vsce ls` prints them, relative to the repository.
 */
const ALLOWED: Array<[RegExp, string]> = [
  [/^package\.json$|^package\.nls(\.[a-z-]+)?\.json$/, 'manifest and its translations'],
  [/^(README|CHANGELOG)\.md$|^LICENSE$/, 'Marketplace page, changelog, licence'],
  [/^dist\/(extension|worker|cli|pageWorker|webview)\.js$/, 'the bundles (no source maps)'],
  [/^dist\/tagTable\.bin$/, 'the part-of-speech table, built at build time (a fast first analysis)'],
  [/^media\/[\w-]+\.(svg|png|css)$|^media\/walkthrough\/[\w-]+\.svg$/, 'icons, panel style, walkthrough images'],
  [/^models\/[\w-]+\.bin\.gz$|^models\/ner-calibration\.json$/, 'the entity tagger and its calibration'],
  [/^models\/admin-divisions\.txt\.gz$/, 'the gazetteer of administrative divisions'],
  [/^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/, 'runtime translations'],
  [/^schema\/[\w-]+\.schema\.json$/, 'the export contract'],
  [/^seeds\/[\w-]+\.txt$/, 'the sample page of Open Sample Page'],
  [/^node_modules\/nodejieba\/(package\.json|index\.js|LICENSE|types\/index\.d\.ts)$/, 'nodejieba: where its dictionaries are'],
  [/^native\/build\/Release\/biaozhu_jieba\.node$/, 'the word segmenter (native/jieba.cc, built for this platform)'],
  [/^node_modules\/nodejieba\/submodules\/cppjieba\/(LICENSE|dict\/[\w.]+\.utf8)$/, 'jieba dictionaries'],
];
/** Uncompressed bytes of everything packed; the VSIX itself (zip) is budgeted in test/integration/e2e.mjs. */
export const UNPACKED_BUDGET_BYTES = 30_000_000;

describe('the VSIX (vsce ls)', function () {
  this.timeout(120_000);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  let files: string[] = [];

  before(function () {
    if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'ls'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, `vsce ls failed:\n${r.stdout}\n${r.stderr}`);
    files = r.stdout.split('\n').map(l => l.trim()).filter(Boolean);
  });

  it('holds nothing unexpected', () => {
    assert.deepEqual(files.filter(f => !ALLOWED.some(([re]) => re.test(f))), []);
  });

  it('holds every entry point and every file the manifest names', () => {
    const named = [
      manifest.main.replace(/^\.\//, ''), 'dist/worker.js', 'dist/webview.js', manifest.bin.biaozhu.replace(/^\.\//, ''),
      manifest.icon, 'LICENSE', 'CHANGELOG.md', 'README.md',
      ...manifest.contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
      ...manifest.contributes.walkthroughs.flatMap((w: { steps: Array<{ media: Record<string, string> }> }) => w.steps.map(s => s.media.svg ?? s.media.image ?? s.media.markdown)),
      // The path the extension loads the segmenter from (and the platform notice checks): packed or the notice shows.
      SEGMENTER_ADDON.split(sep).join('/'), 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
    ];
    assert.deepEqual(named.filter(f => !files.includes(f)), []);
    assert.ok(files.some(f => f.startsWith('seeds/') && f.endsWith('.txt')), 'no sample page');
  });

  it(`stays within ${UNPACKED_BUDGET_BYTES / 1e6} MB unpacked`, () => {
    const bytes = files.reduce((n, f) => n + statSync(join(repoRoot, f)).size, 0);
    assert.ok(bytes <= UNPACKED_BUDGET_BYTES, `${bytes} bytes packed, budget ${UNPACKED_BUDGET_BYTES}`);
  });
});

describe('the Marketplace manifest', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(join(repoRoot, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('names repository, bugs and homepage, and a licence file that matches the licence field', () => {
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    assert.match(manifest.bugs.url, /^https:\/\//);
    assert.match(manifest.homepage, /^https:\/\//);
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'), /^MIT License/);
  });

  it('has Chinese and English keywords (at most 30, the Marketplace limit) and known categories', () => {
    const k: string[] = manifest.keywords;
    assert.ok(k.length <= 30 && k.some(w => /[\u4e00-\u9fff]/.test(w)) && k.some(w => /^[A-Za-z ]+$/.test(w)), JSON.stringify(k));
    const known = ['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers',
      'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing'];
    assert.deepEqual(manifest.categories.filter((c: string) => !known.includes(c)), []);
  });

  it('keeps a changelog in the Keep a Changelog form', () => {
    const log = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
    assert.match(log, /keepachangelog\.com/);
    assert.match(log, /^## \[Unreleased\]$/m);
    assert.ok(log.includes(`## [${manifest.version}]`), `no section for ${manifest.version}`);
  });

  it('packs without --skip-license or --allow-missing-repository', () => {
    assert.doesNotMatch(`${manifest.scripts.package} ${readFileSync(join(repoRoot, 'scripts', 'package.mjs'), 'utf8')}`, /skip-license|allow-missing-repository/);
  });

  it('has a walkthrough whose every step completes itself and has an image', () => {
    const steps = manifest.contributes.walkthroughs.flatMap((w: { steps: unknown[] }) => w.steps) as Array<{ id: string; completionEvents?: string[]; media: Record<string, string> }>;
    assert.deepEqual(steps.map(s => s.id), ['openPage', 'accept', 'tag', 'panel', 'export']);
    for (const s of steps) {
      assert.ok(s.completionEvents?.length && s.completionEvents.every(e => /^on(Command|Context|View):/.test(e)), s.id);
      assert.ok(existsSync(join(repoRoot, s.media.svg)), s.media.svg);
    }
  });
});
