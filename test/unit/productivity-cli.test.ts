import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { toDocument } from '../../src/core/document';
import { serializeDocument } from '../../src/core/documentJson';
import type { Annotation, Source, Status } from '../../src/core/types';
import { contractErrors, repoRoot } from '../helpers/schema';

const cli = join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

const PAGE = '雪域合作社成立。\n记者扎西报道，格桑合作社也来了。\n';

/** Annotations on PAGE by word (first occurrence after the previous one). */
function tags(text: string, list: Array<[string, string, Status?, Source?]>): Annotation[] {
  let from = 0;
  return list.map(([word, label, status = 'accepted', source = 'auto']) => {
    const start = text.indexOf(word, from);
    from = start + word.length;
    return { id: `${label.toLowerCase()}-${start}`, start, end: start + word.length, text: word, label, source, status };
  });
}

function writeDoc(path: string, pagePath: string, text: string, annotations: Annotation[]): string {
  writeFileSync(path, serializeDocument({ ...toDocument(pagePath, text, { articles: [], columnBreaks: [], annotations }), orphans: [] }));
  return path;
}

describe('biaozhu stats, search and compare (command line)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'biaozhu-productivity-'));
  const dir = join(tmp, 'corpus');
  mkdirSync(dir);
  const page = join(dir, 'a.txt');
  writeFileSync(page, PAGE);
  const sidecar = writeDoc(`${page}.biaozhu.json`, page, PAGE, tags(PAGE, [['雪域合作社', 'ORG'], ['扎西', 'PER', 'suggested'], ['格桑合作社', 'ORG', 'accepted', 'manual'], ['来了', 'PER', 'rejected']]));
  writeDoc(join(dir, 'a-export.json'), 'a.txt', PAGE, []); // the same page exported: must not count twice
  writeFileSync(join(dir, 'b.txt'), '北京市人民政府今天召开会议。\n');
  writeFileSync(join(dir, 'package.json'), '{"name":"not annotations"}');

  describe('stats', () => {
    it('counts sidecars and unannotated pages once each, with review status, and notes what it skipped', () => {
      const r = run('stats', dir);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /a\.txt: in progress, 4 annotations, 1 pending/);
      assert.match(r.stdout, /ORG 2 \(2 accepted, 0 suggested, 0 rejected; 2 distinct\)/);
      assert.match(r.stdout, /b\.txt \(no annotations file: analysed now\): not started/);
      assert.match(r.stdout, /2 pages: 0 done, 1 in progress, 1 not started/);
      assert.match(r.stdout, /most frequent names: .*雪域合作社 ORG ×1/);
      assert.match(r.stderr, /a-export\.json: skipped, annotates the same text as .*a\.txt\.biaozhu\.json/);
      assert.match(r.stderr, /package\.json: skipped, not a Biaozhu annotations document/);
    });

    it('counts a page changed since its sidecar once, by its sidecar', () => {
      const d = join(tmp, 'stale');
      mkdirSync(d);
      writeDoc(join(d, 'c.txt.biaozhu.json'), join(d, 'c.txt'), PAGE, tags(PAGE, [['扎西', 'PER']]));
      writeFileSync(join(d, 'c.txt'), PAGE + '新增一段。\n');
      const r = run('stats', d);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /^1 page: 1 done/m);
      assert.match(r.stdout, /c\.txt: done, 1 annotation,/);
    });

    it('writes the counts and the entities as CSV', () => {
      const out = join(tmp, 'stats.csv');
      const r = run('stats', sidecar, '--csv', out);
      assert.strictEqual(r.status, 0, r.stderr);
      const counts = readFileSync(out, 'utf8').split('\r\n');
      assert.strictEqual(counts[0], 'page,review,label,suggested,accepted,rejected,total,distinct');
      assert.ok(counts.includes(`${page},in progress,ORG,0,2,0,2,2`), counts.join('\n'));
      const entities = readFileSync(join(tmp, 'stats.entities.csv'), 'utf8');
      assert.match(entities, /^page,label,text,count\r\n/);
      assert.ok(entities.includes('(all),PER,扎西,1\r\n'));
    });

    const failures: Array<[string, () => string[], number, RegExp]> = [
      ['a missing file', () => ['stats', join(tmp, 'nope.txt')], 1, /no such file/],
      ['an explicit JSON file that is not a document', () => ['stats', join(dir, 'package.json')], 1, /not a Biaozhu annotations document/],
      ['an empty folder', () => { const d = join(tmp, 'empty'); mkdirSync(d, { recursive: true }); return ['stats', d]; }, 2, /no pages/],
      ['a bad --top', () => ['stats', dir, '--top', 'x'], 2, /--top/],
      ['no input', () => ['stats'], 2, /missing DIR/],
    ];
    for (const [name, args, code, message] of failures) {
      it(`exits ${code} on ${name}`, () => {
        const r = run(...args());
        assert.strictEqual(r.status, code, r.stderr);
        assert.match(r.stderr, message);
      });
    }
  });

  describe('search', () => {
    it('finds every ORG containing a text, with a clickable position and context', () => {
      const r = run('search', 'ORG 合作社', dir);
      assert.strictEqual(r.status, 0, r.stderr);
      const lines = r.stdout.trim().split('\n');
      assert.strictEqual(lines.length, 2, r.stdout);
      assert.ok(lines[0].startsWith(`${page}:1:1: ORG 雪域合作社`), lines[0]);
      assert.ok(lines[1].startsWith(`${page}:2:8: ORG 格桑合作社 (manual)`), lines[1]);
      assert.match(lines[1], /报道，【格桑合作社】也来了/);
      assert.match(r.stderr, /2 matches in 1 of 2 pages/);
    });

    it('leaves rejected items out unless --rejected', () => {
      assert.strictEqual(run('search', 'PER 来了', dir).stdout, '');
      assert.match(run('search', 'PER 来了', dir, '--rejected').stdout, /PER 来了 \(rejected\)/);
    });

    it('refuses a dangerous regular expression as a usage error', () => {
      const r = run('search', '/(a+)+$/', dir);
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /can take forever/);
    });
  });

  describe('compare', () => {
    const a = writeDoc(join(tmp, 'alice.json'), page, PAGE, tags(PAGE, [['雪域合作社', 'ORG'], ['扎西', 'PER'], ['格桑合作社', 'ORG']]));
    const b = writeDoc(join(tmp, 'bob.json'), page, PAGE, tags(PAGE, [['雪域合作社', 'ORG'], ['扎西', 'LOC'], ['格桑', 'PER']]));

    it('reports perfect agreement for identical work', () => {
      const r = run('compare', a, a);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /Cohen's kappa: 1\.000/);
      assert.match(r.stdout, /all\s+3\s+3\s+3\s+1\.000\s+1\.000\s+1\.000/);
      assert.match(r.stdout, /0 disagreements/);
    });

    it('scores B against A and lists the disagreements, also as CSV', () => {
      const out = join(tmp, 'cmp.csv');
      const r = run('compare', a, b, '--csv', out);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /ORG\s+2\s+1\s+1\s+1\.000\s+0\.500\s+0\.667/);
      assert.match(r.stdout, /label\s+A: 扎西 PER \[\d+-\d+\]\s+B: 扎西 LOC/);
      assert.match(r.stdout, /overlap\s+A: 格桑合作社 ORG/);
      // 24 characters: A = ORG 10, PER 2, O 12; B = ORG 5, LOC 2, PER 2, O 15; 17 alike.
      // kappa = (17/24 − 234/576) / (1 − 234/576) = 0.509
      assert.match(r.stdout, /Cohen's kappa: 0\.509 over 24 tokens \(characters, whitespace left out\); 17 labelled alike/);
      assert.match(readFileSync(out, 'utf8'), /^label,reference,candidate,matched,precision,recall,f1,kappa\r\n/);
      assert.match(readFileSync(join(tmp, 'cmp.disagreements.csv'), 'utf8'), /\r\nd-\d+-\d+,label,\d+,\d+,PER,扎西,/);
    });

    it('merges by the curator\'s choices into a contract document', () => {
      const out = join(tmp, 'merged.json');
      const listed = run('compare', a, b).stdout;
      const [labelId, overlapId] = [/(d-\d+-\d+) label/, /(d-\d+-\d+) overlap/].map(rx => rx.exec(listed)![1]);
      const r = run('compare', a, b, '--merge', out, '--choose', `${labelId}=b`, '--prefer', 'none');
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`2 annotations merged .*1 without a choice took 'none': ${overlapId}`));
      const doc = JSON.parse(readFileSync(out, 'utf8'));
      assert.deepStrictEqual(contractErrors(doc, PAGE), []);
      assert.deepStrictEqual(doc.annotations.map((x: Annotation) => `${x.text} ${x.label}`), ['雪域合作社 ORG', '扎西 LOC']);
      assert.strictEqual(run('compare', a, b, '--merge', out, '--choose', 'd-0-1=b').status, 2);
      assert.strictEqual(run('compare', a, b, '--choose', `${labelId}=b`).status, 2);
    });

    it('refuses files made on different texts', () => {
      const other = writeDoc(join(tmp, 'other.json'), 'x.txt', '别的文本', []);
      const r = run('compare', a, other);
      assert.strictEqual(r.status, 1);
      assert.match(r.stderr, /annotate different texts \(document\.sha256/);
    });

    it('exits 2 without two files and 1 on a broken file', () => {
      assert.strictEqual(run('compare', a).status, 2);
      const broken = join(tmp, 'broken.json');
      writeFileSync(broken, '{"format": "biaozhu/annotations",');
      const r = run('compare', a, broken);
      assert.strictEqual(r.status, 1);
      assert.match(r.stderr, /broken\.json.*not a Biaozhu annotations document/);
      assert.ok(!existsSync(join(tmp, 'broken.disagreements.csv')));
    });
  });
});
