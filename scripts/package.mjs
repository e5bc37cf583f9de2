// `npm run package [-- --target T | --universal] [--out F]`: a production build, then `vsce package`.
// The word segmenter (native/jieba.cc) is a native addon compiled by `npm ci` for the machine it ran on, so a VSIX can only carry the
// addon of the platform it is built on: by default this packs for the running platform (linux-x64 here,
// alpine-* on musl). `--universal` packs the fallback without the addon and dictionaries (see docs/release.md); the release
// workflow builds one VSIX per target on native runners.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_URL = 'https://github.com/biaozhu/biaozhu';

/** The vsce target of this machine: `${platform}-${arch}`, with musl Linux named alpine as vsce does. */
function currentTarget() {
  const musl = process.platform === 'linux' && !process.report?.getReport().header.glibcVersionRuntime;
  return `${musl ? 'alpine' : process.platform}-${process.arch}`;
}

const run = args => spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' }).status ?? 1;

const argv = process.argv.slice(2);
const universal = argv.includes('--universal');
const targetAt = argv.indexOf('--target');
const target = universal ? undefined : targetAt >= 0 ? argv[targetAt + 1] : currentTarget();
const passThrough = argv.filter((a, i) => a !== '--universal' && (targetAt < 0 || (i !== targetAt && i !== targetAt + 1)));

if (run([join(repoRoot, 'scripts', 'build.mjs'), '--production']) !== 0) process.exit(1);
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
// README links and images are rewritten to the repository so they work on the Marketplace page.
const args = [vsce, 'package', '--baseContentUrl', `${REPO_URL}/blob/HEAD`, '--baseImagesUrl', `${REPO_URL}/raw/HEAD`, ...passThrough];
let scratch;
if (target) args.push('--target', target);
else {
  // The universal package leaves out the native addon (it would only run on the build machine's platform).
  scratch = mkdtempSync(join(tmpdir(), 'biaozhu-package-'));
  const ignore = readFileSync(join(repoRoot, '.vscodeignore'), 'utf8').split('\n').filter(l => !l.startsWith('!node_modules/nodejieba/') && !l.startsWith('!native/')).join('\n');
  writeFileSync(join(scratch, '.vscodeignore'), ignore);
  args.push('--ignoreFile', join(scratch, '.vscodeignore'));
}
const status = run(args);
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.exit(status);
