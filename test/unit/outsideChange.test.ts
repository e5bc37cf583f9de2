import * as assert from 'assert';
import { withContext } from '../../src/core/anchor';
import { afterOutsideChange, afterReopen } from '../../src/core/outsideChange';
import type { Annotation } from '../../src/core/types';

const HEAD = '国务院办公厅印发通知部署今冬明春保供稳价工作\n';
const BODY = '新华社北京电 国务院办公厅日前印发通知，要求各地做好今冬明春重要民生商品保供稳价工作。\n通知指出，各地要压实责任，确保市场供应总体稳定。\n';
const TEXT = HEAD + BODY;

const at = (text: string, word: string, nth: number, over: Partial<Annotation>): Annotation => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(word, i + 1);
  return { id: `${word}${nth}`, start: i, end: i + word.length, text: word, label: 'ORG', source: 'manual', status: 'accepted', ...over };
};

describe('outside changes of an open page (git checkout and back)', () => {
  const heading = at(TEXT, '国务院办公厅', 0, {});
  const body = at(TEXT, '国务院办公厅', 1, { status: 'rejected', source: 'auto' });
  const suggestion = at(TEXT, '新华社', 0, { source: 'auto', status: 'suggested', label: 'ORG' });
  const start = { annotations: [heading, suggestion, body], articles: [], columnBreaks: [], orphans: [] };

  it('orphans the reviewed item of a rewritten heading, drops the lost suggestion, and counts', () => {
    const branch = '多部门部署今冬明春保供稳价工作\n' + BODY;
    const { items, report } = afterOutsideChange(TEXT, branch, start);
    assert.deepStrictEqual(items.orphans.map(o => o.id), [heading.id]);
    assert.deepStrictEqual(items.annotations.map(a => a.id).sort(), [body.id, suggestion.id].sort());
    for (const a of items.annotations) assert.strictEqual(branch.slice(a.start, a.end), a.text);
    assert.deepStrictEqual(report, { moved: 2, reattached: 0, orphaned: 1, reasons: { changed: 1 }, droppedSuggestions: 0 });

    // And back: every reviewed item on its original offsets, with its status; the orphan list is empty.
    const back = afterOutsideChange(branch, TEXT, items);
    assert.deepStrictEqual(back.items.annotations.map(a => [a.id, a.start, a.end, a.status]).sort(),
      start.annotations.map(a => [a.id, a.start, a.end, a.status]).sort());
    assert.deepStrictEqual(back.items.orphans, []);
    assert.strictEqual(back.report.reattached, 1);
  });

  it('drops an unreviewed suggestion whose text was deleted instead of orphaning it', () => {
    const { items, report } = afterOutsideChange(TEXT, TEXT.replace('新华社北京电 ', ''), start);
    assert.strictEqual(report.droppedSuggestions, 1);
    assert.deepStrictEqual(items.orphans, []);
  });
});

describe('a page changed while closed', () => {
  const heading = at(TEXT, '国务院办公厅', 0, {});
  const body = at(TEXT, '国务院办公厅', 1, {});

  it('re-anchors by the saved context; an older sidecar without context leaves orphans with a reason', () => {
    const changed = '（受权发布）\n' + TEXT.replace('通知指出，', '通知强调，');
    const withCtx = afterReopen(changed, { annotations: [heading, body].map(a => withContext(TEXT, a)), orphans: [] });
    assert.deepStrictEqual(withCtx.items.annotations.map(a => a.start), [heading.start + 7, body.start + 7]);
    assert.strictEqual(withCtx.items.annotations[0].prefix, undefined, 'context is saved, not kept in memory');
    assert.strictEqual(withCtx.report.moved, 2);
    const without = afterReopen(changed, { annotations: [heading, body], orphans: [] });
    assert.deepStrictEqual(without.items.annotations, []);
    assert.deepStrictEqual(without.report.reasons, { 'no-context': 2 });
    assert.strictEqual(without.items.orphans.length, 2);
  });
});
