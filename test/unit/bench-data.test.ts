import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../helpers/schema';

describe('benchmarks without their data', function () {
  this.timeout(60_000);
  for (const name of ['quality', 'speed']) {
    it(`bench:${name} exits 1, says where the data goes, and leaves bench/results/${name}.json alone`, () => {
      const script = join(repoRoot, 'dist', 'bench', `${name}.js`);
      assert.ok(existsSync(script), `${script} is missing: run \`npm run build\` first`);
      const result = join(repoRoot, 'bench', 'results', `${name}.json`);
      const before = existsSync(result) ? readFileSync(result, 'utf8') : undefined;
      const missing = join(repoRoot, 'test-output', 'no-bench-data-here');
      const r = spawnSync(process.execPath, [script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, BIAOZHU_BENCH_DIR: missing } });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /Benchmark data missing under .*no-bench-data-here/);
      assert.match(r.stderr, /ner-msra\/test\.bio/);
      assert.match(r.stderr, /\.\.\/shared\/bench.*BIAOZHU_BENCH_DIR/s);
      assert.equal(existsSync(result) ? readFileSync(result, 'utf8') : undefined, before);
    });
  }
});
