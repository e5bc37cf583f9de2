// `npm run docs:update`: copies what the last test run produced under test-output/ (git-ignored) into the
// committed copies: screenshots into docs/screenshots/, extension figures into bench/results/extension.json
// (merged: a run of only one suite keeps the other's figures). Run it after `npm test` when the figures should change.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './code-server.mjs';

const out = join(repoRoot, 'test-output');
const shots = join(out, 'screenshots');
const docs = join(repoRoot, 'docs', 'screenshots');
let copied = 0;
if (existsSync(shots)) {
  mkdirSync(docs, { recursive: true });
  for (const f of readdirSync(shots).filter(f => f.endsWith('.png'))) {
    copyFileSync(join(shots, f), join(docs, f));
    copied++;
  }
}
const figures = join(out, 'extension.json');
if (existsSync(figures)) {
  const target = join(repoRoot, 'bench', 'results', 'extension.json');
  const merged = { ...(existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : {}), ...JSON.parse(readFileSync(figures, 'utf8')) };
  writeFileSync(`${target}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(`${target}.tmp`, target);
  console.log(`updated ${target}`);
}
if (!copied && !existsSync(figures)) {
  console.error(`nothing under ${out}: run the tests first (npm test, or node test/integration/e2e.mjs)`);
  process.exit(1);
}
console.log(`copied ${copied} screenshot(s) to ${docs}`);
