import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { serializeDocument } from '../../src/core/documentJson';
import { contractErrors, repoRoot } from '../helpers/schema';
import { sidecar, tags } from '../helpers/sidecars';

const cli = join(repoRoot, 'dist', 'cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

/**
 * The published SARIF 2.1.0 schema (draft-04) as shipped by @microsoft/jest-sarif, checked with the Ajv 6
 * it depends on (Ajv 8 dropped draft-04).
 */
function sarifValidator(): (log: unknown) => string[] {
  const pkg = dirname(require.resolve('@microsoft/jest-sarif/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Ajv = require(require.resolve('ajv', { paths: [pkg] }));
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(require(require.resolve('ajv/lib/refs/json-schema-draft-04.json', { paths: [pkg] })));
  const validate = ajv.compile(require(join(pkg, 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json')));
  return log => (validate(log) ? [] : (validate.errors as Array<{ dataPath: string; message: string }>).map(e => `${e.dataPath} ${e.message}`));
}

describe('biaozhu lint, mark and stats (command line)', () => {
  const root = mkdtempSync(join(tmpdir(), 'biaozhu-team-'));
  const A = '拉萨市人民政府开会。扎西 发言。\n';
  const B = '拉萨市人民政府今天也开会。\n';
  mkdirSync(join(root, 'pages'));
  writeFileSync(join(root, 'pages', 'a.txt'), A);
  writeFileSync(join(root, 'pages', 'b.txt'), B);
  const write = (name: string, text: string, anns: ReturnType<typeof tags>) =>
    writeFileSync(join(root, 'pages', `${name}.biaozhu.json`), serializeDocument({ ...sidecar(name, text, anns), orphans: [] }));
  write('a.txt', A, tags(A, [['拉萨市人民政府', 'LOC'], ['扎西 ', 'PER'], ['发言', 'PER', 'suggested', 'auto']]));
  write('b.txt', B, tags(B, [['拉萨市人民政府', 'ORG']]));

  it('prints findings as path:line:col and exits 0 when there are only warnings', () => {
    const r = run(root, 'lint', 'pages');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^pages\/a\.txt:1:11: warning span "扎西 " has whitespace or punctuation at its edge; trimmed: "扎西" \[span-edges\]$/m);
    assert.match(r.stdout, /^pages\/a\.txt:1:1: warning "拉萨市人民政府" is labelled LOC here but differently elsewhere: this page LOC ×1; corpus LOC ×1, ORG ×1 \[inconsistent-label\]$/m);
    // One LOC and one ORG: no majority, so both are reported.
    assert.match(r.stdout, /^pages\/b\.txt:1:1: warning "拉萨市人民政府" is labelled ORG here/m);
    assert.match(r.stdout, /^2 pages: 0 errors, 3 warnings, 0 info$/m);
  });

  it('reads .biaozhu/lint.json (found above the inputs) and exits 1 on errors', () => {
    mkdirSync(join(root, '.biaozhu'), { recursive: true });
    writeFileSync(join(root, '.biaozhu', 'lint.json'), '{"rules": {"span-edges": "error", "inconsistent-label": "off"}}');
    const r = run(join(root, 'pages'), 'lint', '.');
    assert.deepStrictEqual([r.status, /error span "扎西 "/.test(r.stdout), /inconsistent-label/.test(r.stdout)], [1, true, false]);
    writeFileSync(join(root, '.biaozhu', 'lint.json'), '{"rules": {"span-edge": "error"}}');
    const bad = run(root, 'lint', 'pages');
    assert.deepStrictEqual([bad.status, /lint\.json: rules\.span-edge: unknown rule/.test(bad.stderr)], [1, true]);
    writeFileSync(join(root, '.biaozhu', 'lint.json'), '{}');
  });

  it('writes JSON and a SARIF 2.1.0 log that the published schema accepts', () => {
    const json = JSON.parse(run(root, 'lint', 'pages', '--format', 'json').stdout);
    assert.deepStrictEqual([json.pages, json.counts, json.findings[0].range], [2, { error: 0, warning: 3, info: 0 }, { start: 0, end: 7, line: 1, column: 1, endLine: 1, endColumn: 8 }]);
    const sarif = JSON.parse(run(root, 'lint', 'pages', '--format', 'sarif').stdout);
    assert.deepStrictEqual(sarifValidator()(sarif), []);
    const results = sarif.runs[0].results;
    assert.deepStrictEqual(results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]), [['inconsistent-label', 'warning'], ['span-edges', 'warning'], ['inconsistent-label', 'warning']]);
    assert.deepStrictEqual(results[1].locations[0].physicalLocation.region, { startLine: 1, startColumn: 11, endLine: 1, endColumn: 14, charOffset: 10, charLength: 3 });
    assert.strictEqual(results[1].locations[0].physicalLocation.artifactLocation.uri, 'pages/a.txt');
  });

  it('the schema check catches a broken log (the validator is not vacuous)', () => {
    const sarif = JSON.parse(run(root, 'lint', 'pages', '--format', 'sarif').stdout);
    sarif.runs[0].results[0].level = 'fatal';
    delete sarif.version;
    assert.strictEqual(sarifValidator()(sarif).length >= 2, true);
  });

  it('marks pages done with who and when; stats reports progress per status and per person; lint warns on leftovers', () => {
    const mark = run(root, 'mark', 'done', 'pages/a.txt', '--by', 'alice');
    assert.strictEqual(mark.status, 0, mark.stderr);
    assert.strictEqual(run(root, 'mark', 'reviewed', 'pages/a.txt', '--by', 'bob').status, 0);
    assert.strictEqual(run(root, 'mark', 'in-progress', 'pages/b.txt', '--by', 'carol').status, 0);
    const doc = JSON.parse(readFileSync(join(root, 'pages', 'a.txt.biaozhu.json'), 'utf8'));
    assert.deepStrictEqual(contractErrors(doc, A), []);
    assert.deepStrictEqual([doc.review.status, doc.review.by, doc.review.history.map((m: { status: string; by: string }) => `${m.status}:${m.by}`)], ['reviewed', 'bob', ['done:alice']]);
    assert.ok(!Number.isNaN(Date.parse(doc.review.at)));
    const stats = run(root, 'stats', 'pages');
    assert.match(stats.stdout, /^review marks: 0 not marked, 1 in progress, 0 done, 1 reviewed$/m);
    assert.match(stats.stdout, /^ {2}alice: 1 done\n {2}bob: 1 reviewed\n {2}carol: 1 in progress$/m);
    assert.match(run(root, 'lint', 'pages').stdout, /pages\/a\.txt:1:14: warning page is marked reviewed but 1 suggestion still awaits review \[done-with-suggestions\]/);
    assert.strictEqual(run(root, 'mark', 'finished', 'pages/a.txt').status, 2);
  });

  it('flags a sidecar whose page changed and exits 1', () => {
    writeFileSync(join(root, 'pages', 'b.txt'), B + '又一行\n');
    const r = run(root, 'lint', 'pages/b.txt');
    assert.deepStrictEqual([r.status, /pages\/b\.txt: error the page changed since its annotations were saved/.test(r.stdout)], [1, true]);
  });
});
