import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseDocument, serializeDocument } from '../../src/core/documentJson';
import type { Sidecar } from '../../src/core/team/types';
import type { Annotation } from '../../src/core/types';
import { contractErrors, repoRoot } from '../helpers/schema';
import { sidecar, tags } from '../helpers/sidecars';

const cli = join(repoRoot, 'dist', 'cli.js');

/**
 * The merge driver under real git: a temporary repository per case, configured as the README says
 * (`.gitattributes` + `git config merge.biaozhu.driver`), with branches merged and rebased.
 */
describe('biaozhu merge-driver under real git', () => {
  const PAGE = '扎西在拉萨市人民政府工作，多吉在日喀则。\n次仁也来了。\n';
  const EDITED = '今天，' + PAGE.replace('工作', '上班');
  const SIDE = 'page.txt.biaozhu.json';

  function repo() {
    const dir = mkdtempSync(join(tmpdir(), 'biaozhu-git-'));
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    const ok = (...args: string[]) => {
      const r = git(...args);
      assert.strictEqual(r.status, 0, `git ${args.join(' ')}: ${r.stdout}${r.stderr}`);
      return r.stdout;
    };
    const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
    const save = (doc: Sidecar) => write(SIDE, serializeDocument({ ...doc }));
    const load = (): Sidecar => {
      const parsed = parseDocument(readFileSync(join(dir, SIDE), 'utf8'));
      assert.ok(parsed.ok, JSON.stringify(parsed));
      return parsed.doc as Sidecar;
    };
    const commit = (message: string) => { ok('add', '-A'); ok('commit', '-qm', message); };
    ok('init', '-q', '-b', 'main');
    ok('config', 'merge.biaozhu.name', 'Biaozhu sidecar merge');
    ok('config', 'merge.biaozhu.driver', `"${process.execPath}" "${cli}" merge-driver %O %A %B %P`);
    write('.gitattributes', '*.biaozhu.json merge=biaozhu\n');
    write('page.txt', PAGE);
    save(sidecar('page.txt', PAGE, tags(PAGE, [['扎西', 'PER', 'suggested', 'auto'], ['拉萨市人民政府', 'ORG', 'suggested', 'auto'], ['多吉', 'PER', 'suggested', 'auto']])));
    commit('page with suggestions');
    return { dir, git, ok, write, save, load, commit };
  }
  type Repo = ReturnType<typeof repo>;

  const edit = (doc: Sidecar, text: string, change: Partial<Annotation>): Sidecar =>
    ({ ...doc, annotations: doc.annotations.map(a => (a.text === text ? { ...a, ...change } : a)) });
  const summary = (d: Sidecar) => d.annotations.map(a => `${a.text}:${a.label}:${a.status}`);

  /** What the extension does after a text edit: the page changes and the sidecar follows with moved offsets. */
  function editText(r: Repo) {
    r.write('page.txt', EDITED);
    const moved = r.load().annotations.map(a => {
      const start = EDITED.indexOf(a.text, a.start);
      return { ...a, start, end: start + a.text.length };
    });
    r.save(sidecar('page.txt', EDITED, moved));
    r.commit('text edit');
  }
  /** Annotation work on the old text: accept one, relabel one, tag a new place. */
  function annotate(r: Repo) {
    let doc = edit(r.load(), '扎西', { status: 'accepted' });
    doc = edit(doc, '拉萨市人民政府', { label: 'LOC', status: 'accepted' });
    doc = { ...doc, annotations: [...doc.annotations, ...tags(PAGE, [['日喀则', 'LOC']])] };
    r.save(doc);
    r.commit('annotations');
  }
  const ANNOTATED = ['扎西:PER:accepted', '拉萨市人民政府:LOC:accepted', '多吉:PER:suggested', '日喀则:LOC:accepted'];

  function checkMerged(r: Repo, text: string) {
    const doc = r.load();
    assert.strictEqual(readFileSync(join(r.dir, 'page.txt'), 'utf8'), text);
    assert.deepStrictEqual(contractErrors(doc, text), []);
    assert.deepStrictEqual([summary(doc), doc.conflicts, doc.orphans ?? []], [ANNOTATED, undefined, []]);
    assert.strictEqual(r.ok('status', '--porcelain'), '');
  }

  it('merges branches that annotate different items cleanly', () => {
    const r = repo();
    r.ok('checkout', '-q', '-b', 'alice');
    r.save(edit(r.load(), '扎西', { status: 'accepted' }));
    r.commit('alice accepts');
    r.ok('checkout', '-q', 'main');
    r.save(edit(r.load(), '多吉', { status: 'rejected' }));
    r.commit('bob rejects');
    r.ok('merge', '-q', '--no-edit', 'alice');
    assert.deepStrictEqual(summary(r.load()), ['扎西:PER:accepted', '拉萨市人民政府:ORG:suggested', '多吉:PER:rejected']);
  });

  it('leaves a conflict git reports and the file can show, resolved item by item', () => {
    const r = repo();
    r.ok('checkout', '-q', '-b', 'alice');
    r.save(edit(edit(r.load(), '拉萨市人民政府', { label: 'LOC', status: 'accepted' }), '多吉', { status: 'accepted' }));
    r.commit('alice: a place');
    r.ok('checkout', '-q', 'main');
    r.save(edit(r.load(), '拉萨市人民政府', { label: 'WORK', status: 'accepted' }));
    r.commit('bob: a title');
    const merge = r.git('merge', '--no-edit', 'alice');
    assert.notStrictEqual(merge.status, 0);
    assert.match(merge.stdout + merge.stderr, /conflict on annotations org-3-10: different label/);
    assert.match(r.ok('status', '--porcelain'), /^UU page\.txt\.biaozhu\.json$/m);
    const doc = r.load(); // still a valid document: ours in the list, both versions in conflicts[]
    assert.deepStrictEqual(doc.conflicts?.map(c => [c.id, c.fields, (c.theirs as Annotation).label]), [['org-3-10', ['label'], 'LOC']]);
    assert.deepStrictEqual(summary(doc), ['扎西:PER:suggested', '拉萨市人民政府:WORK:accepted', '多吉:PER:accepted']);
    const lint = spawnSync(process.execPath, [cli, 'lint', r.dir], { encoding: 'utf8' });
    assert.deepStrictEqual([lint.status, /merge conflict on annotation org-3-10/.test(lint.stdout)], [1, true]);
    const resolved = spawnSync(process.execPath, [cli, 'resolve', join(r.dir, 'page.txt'), '--theirs'], { encoding: 'utf8' });
    assert.strictEqual(resolved.status, 0, resolved.stderr);
    assert.deepStrictEqual([summary(r.load())[1], r.load().conflicts], ['拉萨市人民政府:LOC:accepted', undefined]);
    r.commit('merged');
  });

  it('merges a text edit on one branch with annotation edits on the other (both directions)', () => {
    for (const textOnMain of [true, false]) {
      const r = repo();
      r.ok('checkout', '-q', '-b', 'side');
      if (textOnMain) annotate(r); else editText(r);
      r.ok('checkout', '-q', 'main');
      if (textOnMain) editText(r); else annotate(r);
      r.ok('merge', '-q', '--no-edit', 'side');
      checkMerged(r, EDITED);
    }
  });

  it('rebases annotation work onto a text edit and a text edit onto annotation work', () => {
    for (const annotationsFirst of [true, false]) {
      const r = repo();
      r.ok('checkout', '-q', '-b', 'side');
      if (annotationsFirst) annotate(r); else editText(r);
      r.ok('checkout', '-q', 'main');
      if (annotationsFirst) editText(r); else annotate(r);
      r.ok('checkout', '-q', 'side');
      r.ok('rebase', '-q', 'main');
      checkMerged(r, EDITED);
      assert.strictEqual(r.ok('log', '--format=%s').trim().split('\n').length, 3); // linear: no merge commit
    }
  });

  it('falls back to a line merge when a side is not a Biaozhu document', () => {
    const r = repo();
    r.ok('checkout', '-q', '-b', 'alice');
    r.write(SIDE, '{"not": "biaozhu"}\n');
    r.commit('broken');
    r.ok('checkout', '-q', 'main');
    r.save(edit(r.load(), '扎西', { status: 'accepted' }));
    r.commit('bob');
    const merge = r.git('merge', '--no-edit', 'alice');
    assert.notStrictEqual(merge.status, 0);
    assert.match(merge.stderr + merge.stdout, /falling back to a line merge/);
    assert.match(readFileSync(join(r.dir, SIDE), 'utf8'), /^<<<<<<< ours$/m);
  });
});
