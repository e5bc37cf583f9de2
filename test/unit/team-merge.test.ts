import * as assert from 'assert';
import { sha256 } from '../../src/core/document';
import { parseDocument, serializeDocument } from '../../src/core/documentJson';
import { resolveConflict } from '../../src/core/team/conflicts';
import { mergeSidecars } from '../../src/core/team/mergeSidecars';
import type { Sidecar } from '../../src/core/team/types';
import type { Annotation } from '../../src/core/types';
import { sidecar, tags } from '../helpers/sidecars';
import { contractErrors } from '../helpers/schema';

const T = '扎西在拉萨市人民政府工作，多吉在日喀则。';
const base = sidecar('p.txt', T, tags(T, [['扎西', 'PER', 'suggested', 'auto'], ['拉萨市人民政府', 'ORG', 'suggested', 'auto'], ['多吉', 'PER', 'suggested', 'auto']]));
const edit = (doc: Sidecar, id: string, change: Partial<Annotation>): Sidecar => ({ ...doc, annotations: doc.annotations.map(a => (a.id === id ? { ...a, ...change } : a)) });
const add = (doc: Sidecar, a: Annotation): Sidecar => ({ ...doc, annotations: [...doc.annotations, a].sort((x, y) => x.start - y.start) });
const remove = (doc: Sidecar, id: string): Sidecar => ({ ...doc, annotations: doc.annotations.filter(a => a.id !== id) });
const [zhaxi, gov, duoji] = base.annotations.map(a => a.id);
const [rikaze] = tags(T, [['日喀则', 'LOC']]);
const labels = (d: Sidecar) => d.annotations.map(a => `${a.text}:${a.label}:${a.status}`);

/** The merged document must be a valid sidecar that loads again unchanged. */
function valid(doc: Sidecar, text?: string): Sidecar {
  assert.deepStrictEqual(contractErrors(doc, text), []);
  const again = parseDocument(serializeDocument({ ...doc }));
  assert.ok(again.ok, JSON.stringify(again));
  return doc;
}

describe('merging sidecars three ways', () => {
  it('merges changes to different items cleanly', () => {
    const ours = edit(base, zhaxi, { status: 'accepted' });
    const theirs = add(edit(base, gov, { label: 'LOC', status: 'accepted' }), rikaze);
    const { doc, conflicts } = mergeSidecars(base, ours, theirs);
    assert.deepStrictEqual(conflicts, []);
    assert.deepStrictEqual(labels(valid(doc, T)), ['扎西:PER:accepted', '拉萨市人民政府:LOC:accepted', '多吉:PER:suggested', '日喀则:LOC:accepted']);
    assert.strictEqual(doc.conflicts, undefined);
  });
  it('merges different fields of one item (our status, their label)', () => {
    const { doc, conflicts } = mergeSidecars(base, edit(base, gov, { status: 'accepted' }), edit(base, gov, { label: 'LOC' }));
    assert.deepStrictEqual([conflicts.length, labels(doc)[1]], [0, '拉萨市人民政府:LOC:accepted']);
  });
  it('merges the same change made on both branches once', () => {
    const change = (d: Sidecar) => add(edit(d, duoji, { status: 'rejected' }), rikaze);
    const { doc, conflicts } = mergeSidecars(base, change(base), change(base));
    assert.deepStrictEqual(conflicts, []);
    assert.deepStrictEqual(valid(doc, T).annotations, change(base).annotations);
  });
  it('takes a deletion when the other branch left the item alone', () => {
    const { doc, conflicts } = mergeSidecars(base, remove(base, duoji), edit(base, zhaxi, { status: 'accepted' }));
    assert.deepStrictEqual([conflicts.length, labels(doc)], [0, ['扎西:PER:accepted', '拉萨市人民政府:ORG:suggested']]);
  });
  it('makes a conflict of different labels for one item, keeping ours in the list and both in conflicts[]', () => {
    const ours = edit(base, gov, { label: 'LOC', status: 'accepted' });
    const theirs = edit(base, gov, { label: 'WORK', status: 'rejected' });
    const { doc, conflicts } = mergeSidecars(base, edit(ours, zhaxi, { status: 'accepted' }), theirs);
    assert.deepStrictEqual(conflicts.map(c => [c.list, c.id, c.fields]), [['annotations', gov, ['label', 'status']]]);
    // Our label with their source (a field only they changed) is no conflict.
    const fieldwise = mergeSidecars(base, ours, edit(base, gov, { source: 'manual' }));
    assert.deepStrictEqual([fieldwise.conflicts, fieldwise.doc.annotations[1].label, fieldwise.doc.annotations[1].source], [[], 'LOC', 'manual']);
    assert.strictEqual(valid(doc, T).annotations.find(a => a.id === gov)?.label, 'LOC');
    assert.strictEqual(doc.annotations.find(a => a.id === zhaxi)?.status, 'accepted'); // the rest still merged
    assert.deepStrictEqual(doc.conflicts?.[0].theirs, theirs.annotations[1]);
  });
  it('makes a conflict of a deletion against a change, and resolves it each way', () => {
    const { doc, conflicts } = mergeSidecars(base, remove(base, gov), edit(base, gov, { status: 'accepted' }));
    assert.deepStrictEqual(conflicts.map(c => [c.id, c.ours, c.fields]), [[gov, null, []]]);
    assert.ok(!doc.annotations.some(a => a.id === gov));
    assert.ok(valid(resolveConflict(doc, 'annotations', gov, 'theirs'), T).annotations.some(a => a.id === gov && a.status === 'accepted'));
    const mine = valid(resolveConflict(doc, 'annotations', gov, 'ours'), T);
    assert.deepStrictEqual([mine.annotations.some(a => a.id === gov), mine.conflicts], [false, undefined]);
  });
  it('resolves a label conflict with both: ours stays, theirs is added under a fresh id', () => {
    const { doc } = mergeSidecars(base, edit(base, gov, { label: 'LOC' }), edit(base, gov, { label: 'WORK' }));
    const both = valid(resolveConflict(doc, 'annotations', gov, 'both'), T);
    assert.deepStrictEqual(both.annotations.filter(a => a.text === '拉萨市人民政府').map(a => [a.id, a.label]), [[gov, 'LOC'], [`${gov}.2`, 'WORK']]);
    assert.throws(() => resolveConflict(both, 'annotations', gov, 'ours'), /no conflict/);
  });
  it('treats one span tagged on both branches under different ids as one item, or a conflict when the labels differ', () => {
    const mine: Annotation = { ...rikaze, id: 'manual-1' };
    const same = mergeSidecars(base, add(base, mine), add(base, { ...rikaze, id: 'manual-2' }));
    assert.deepStrictEqual([same.conflicts.length, same.doc.annotations.filter(a => a.text === '日喀则').map(a => a.id)], [0, ['manual-1']]);
    const clash = mergeSidecars(base, add(base, mine), add(base, { ...rikaze, id: 'manual-2', label: 'ORG' }));
    assert.deepStrictEqual(clash.conflicts.map(c => [c.id, c.fields, (c.theirs as Annotation).id]), [['manual-1', ['label'], 'manual-2']]);
    const resolved = valid(resolveConflict(clash.doc, 'annotations', 'manual-1', 'theirs'), T);
    assert.deepStrictEqual(resolved.annotations.filter(a => a.text === '日喀则').map(a => [a.id, a.label]), [['manual-2', 'ORG']]);
  });
  it("lets a person's tag win over a suggestion for the same span", () => {
    const suggestion: Annotation = { ...rikaze, id: 'loc-auto', source: 'auto', status: 'suggested' };
    const { doc, conflicts } = mergeSidecars(base, add(base, suggestion), add(base, { ...rikaze, id: 'manual-2', label: 'ORG' }));
    assert.deepStrictEqual([conflicts.length, doc.annotations.filter(a => a.text === '日喀则').map(a => a.id)], [0, ['manual-2']]);
  });

  describe('with the page text edited on one branch', () => {
    const T2 = '今天，' + T.replace('工作', '上班');
    const texts = new Map([[sha256(T), T], [sha256(T2), T2]]);
    const onNewText = (d: Sidecar): Sidecar => {
      const shifted = d.annotations.map(a => {
        const start = T2.indexOf(a.text, a.start);
        return { ...a, start, end: start + a.text.length };
      });
      return { ...sidecar('p.txt', T2, shifted), review: d.review };
    };
    it('moves the other branch\'s edits into the new text (both merge orders)', () => {
      const textSide = onNewText(base);
      const labelSide = add(edit(base, gov, { label: 'LOC' }), rikaze);
      for (const [ours, theirs] of [[textSide, labelSide], [labelSide, textSide]]) {
        const { doc, conflicts } = mergeSidecars(base, ours, theirs, sha => texts.get(sha));
        assert.deepStrictEqual(conflicts, []);
        assert.strictEqual(valid(doc, T2).document.sha256, sha256(T2));
        assert.deepStrictEqual(labels(doc), ['扎西:PER:suggested', '拉萨市人民政府:LOC:suggested', '多吉:PER:suggested', '日喀则:LOC:accepted']);
        assert.deepStrictEqual(doc.orphans ?? [], []);
      }
    });
    it('keeps an item the new text no longer holds as an orphan', () => {
      const T3 = T2.replace('日喀则', '山南');
      const map = new Map([...texts, [sha256(T3), T3]]);
      const textSide = { ...sidecar('p.txt', T3, onNewText(base).annotations) };
      const { doc } = mergeSidecars(base, textSide, add(base, rikaze), sha => map.get(sha));
      assert.deepStrictEqual([valid(doc, T3).orphans?.map(o => o.text), doc.annotations.some(a => a.text === '日喀则')], [['日喀则'], false]);
    });
    it('without the texts, never leaves the other branch\'s new items at offsets of another text', () => {
      const { doc } = mergeSidecars(base, onNewText(base), add(base, rikaze));
      assert.strictEqual(doc.document.sha256, sha256(T2));
      assert.deepStrictEqual(valid(doc, T2).orphans?.map(o => o.text), ['日喀则']);
    });
  });

  it('merges review marks: one side wins, or the later mark when both changed', () => {
    const mark = (status: 'done' | 'reviewed', at: string, by: string) => ({ ...base, review: { status, at, by } });
    assert.deepStrictEqual(mergeSidecars(base, base, mark('done', '2026-01-02T00:00:00Z', 'bob')).doc.review?.by, 'bob');
    const both = mergeSidecars(base, mark('done', '2026-01-02T00:00:00Z', 'alice'), mark('reviewed', '2026-01-03T00:00:00Z', 'bob'));
    assert.deepStrictEqual([both.doc.review?.status, both.conflicts.length], ['reviewed', 0]);
  });
  it('keeps earlier unresolved conflicts and merges relations by id', () => {
    const older = { list: 'annotations' as const, id: duoji, base: null, ours: base.annotations[2], theirs: null, fields: [] };
    const rel = { id: 'r1', from: zhaxi, to: gov, label: 'WORKS_FOR', source: 'manual' as const, status: 'accepted' as const };
    const { doc } = mergeSidecars(base, { ...base, conflicts: [older] }, { ...base, relations: [rel] });
    assert.deepStrictEqual([doc.conflicts, doc.relations], [[older], [rel]]);
    const clash = mergeSidecars({ ...base, relations: [rel] }, { ...base, relations: [{ ...rel, label: 'LEADS' }] }, { ...base, relations: [{ ...rel, label: 'MEMBER_OF' }] });
    assert.deepStrictEqual(clash.conflicts.map(c => [c.list, c.id, c.fields]), [['relations', 'r1', ['label']]]);
  });
  it('merges a file added on both branches (no base)', () => {
    const { doc, conflicts } = mergeSidecars(undefined, edit(base, zhaxi, { status: 'accepted' }), add(base, rikaze));
    assert.deepStrictEqual(conflicts.map(c => c.id), [zhaxi]);
    assert.strictEqual(valid(doc, T).annotations.length, 4);
  });
});
