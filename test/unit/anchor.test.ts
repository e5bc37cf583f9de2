import * as assert from 'assert';
import { anchorSaved, findByContext, mapThroughDiff, quoteAt, reattachOrphans } from '../../src/core/anchor';
import { equalRuns } from '../../src/core/textDiff';
import type { Annotation } from '../../src/core/types';

/** A page of paragraphs where the same organisation name occurs in several sentences. */
const PARAS = [
  '本报讯 记者李明报道：国家发展改革委昨日召开新闻发布会，介绍今年以来经济运行情况。',
  '发布会上，国家发展改革委有关负责人表示，前三季度全国固定资产投资保持稳定增长。',
  '据了解，今年以来各地加快推进重大项目建设，一批交通、水利和能源项目陆续开工。',
  '该负责人还说，下一步将继续做好保供稳价工作，确保群众生活必需品供应充足。',
];
const PAGE = PARAS.join('\n') + '\n';

function ann(text: string, word: string, nth: number, over: Partial<Annotation> = {}): Annotation {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  assert.ok(at >= 0, `${word} #${nth} not in text`);
  return { id: `${word}-${nth}`, start: at, end: at + word.length, text: word, label: 'ORG', source: 'manual', status: 'accepted', ...over };
}

const onOwnText = (text: string, a: Annotation) => assert.strictEqual(text.slice(a.start, a.end), a.text, `${a.id} misplaced`);

describe('re-anchoring through a diff', () => {
  it('orphans an item whose paragraph was deleted instead of moving it to the same words elsewhere', () => {
    const org = ann(PAGE, '国家发展改革委', 1); // in the second paragraph
    const first = ann(PAGE, '国家发展改革委', 0);
    const changed = '【编者按】本版今起推出经济形势系列报道，敬请关注。\n' + PARAS[0] + '\n' + PARAS.slice(2).join('\n') + '\n';
    const r = mapThroughDiff(PAGE, changed, [first, org]);
    assert.deepStrictEqual(r.placed.map(a => a.id), [first.id]);
    onOwnText(changed, r.placed[0]);
    assert.strictEqual(r.placed[0].start, first.start + changed.indexOf(PARAS[0]));
    assert.deepStrictEqual(r.orphaned.map(o => [o.item.id, o.reason]), [[org.id, 'changed']]);
    // The orphan keeps the context it was cut from, so it can come home later.
    assert.strictEqual(r.orphaned[0].item.prefix, quoteAt(PAGE, org).prefix);
  });

  it('keeps items in place when their words are duplicated elsewhere on the page', () => {
    const items = [ann(PAGE, '国家发展改革委', 0), ann(PAGE, '国家发展改革委', 1)];
    const changed = PAGE.replace('据了解，', '据国家发展改革委介绍，');
    const r = mapThroughDiff(PAGE, changed, items);
    assert.deepStrictEqual(r.placed.map(a => a.start), items.map(a => a.start));
    assert.strictEqual(r.orphaned.length, 0);
  });

  it('follows a paragraph moved to another place, by quote and context', () => {
    const item = ann(PAGE, '国家发展改革委', 1);
    const changed = [PARAS[0], PARAS[2], PARAS[3], PARAS[1]].join('\n') + '\n';
    const r = mapThroughDiff(PAGE, changed, [item]);
    assert.strictEqual(r.placed.length, 1);
    assert.strictEqual(r.placed[0].start, changed.indexOf(PARAS[1]) + PARAS[1].indexOf('国家发展改革委'));
    assert.strictEqual(r.byContext + (r.placed[0].start === item.start ? 1 : 0) >= 1, true);
  });

  it('moves items through an insertion and a deletion around them', () => {
    const items = [ann(PAGE, '国家发展改革委', 0), ann(PAGE, '国家发展改革委', 1), ann(PAGE, '交通', 0, { label: 'MISC' })];
    // Edits on one side of an item, or further than its context: each item keeps its own words.
    const changed = PAGE.replace('昨日', '').replace('陆续开工', '陆续开工建设').replace('本报讯', '本报北京讯');
    const r = mapThroughDiff(PAGE, changed, items);
    assert.strictEqual(r.orphaned.length, 0);
    for (const a of r.placed) onOwnText(changed, a);
    assert.deepStrictEqual(r.placed.map(a => a.start), [items[0].start + 2, items[1].start, items[2].start].map((s, i) => (i === 0 ? s : changed.indexOf(PAGE.slice(s, s + 12)))));
    // Both sides of its context changed within a few characters: the item is an orphan, not a guess.
    const both = PAGE.replace('记者李明报道：国家发展改革委昨日', '记者王红报道：国家发展改革委今天');
    assert.deepStrictEqual(mapThroughDiff(PAGE, both, [items[0]]).orphaned.map(o => o.reason), ['changed']);
  });

  it('orphans an item whose own characters changed (a rewritten heading), and brings it home when the text comes back', () => {
    const heading = '国家发展改革委部署保供稳价工作\n';
    const text = heading + PAGE;
    const item = ann(text, '国家发展改革委', 0);
    const suggestion: Annotation = { ...ann(text, '国家发展改革委', 1), source: 'auto', status: 'suggested', id: 's1' };
    const branch = '多部门部署今冬明春保供稳价工作\n' + PAGE;
    const away = mapThroughDiff(text, branch, [item, suggestion]);
    assert.deepStrictEqual(away.orphaned.map(o => o.item.id), [item.id]);
    assert.deepStrictEqual(away.placed.map(a => a.id), ['s1']);
    // Checkout back: the diff moves the suggestion; the orphan's quote and context are unique again.
    const back = mapThroughDiff(branch, text, away.placed);
    const home = reattachOrphans(text, back.placed, away.orphaned.map(o => o.item));
    assert.deepStrictEqual(home.reattached.map(a => [a.id, a.start, a.end, a.status]), [[item.id, item.start, item.end, 'accepted']]);
    assert.strictEqual(home.orphans.length, 0);
    assert.strictEqual(home.reattached[0].prefix, undefined);
  });

  it('does not bring an orphan home over a person\'s item, and never to one of several equal places', () => {
    const orphan = { ...ann(PAGE, '国家发展改革委', 0), ...quoteAt(PAGE, ann(PAGE, '国家发展改革委', 0)) };
    const mine = { ...ann(PAGE, '国家发展改革委', 0), id: 'mine', label: 'LOC' };
    assert.strictEqual(reattachOrphans(PAGE, [mine], [orphan]).reattached.length, 0);
    const twice = PAGE + PARAS[0] + '\n';
    assert.strictEqual(reattachOrphans(twice, [], [orphan]).orphans.length, 1);
    assert.deepStrictEqual(findByContext(twice, orphan), { reason: 'ambiguous' });
  });

  it('maps unchanged texts and CRLF/surrogate pages exactly', () => {
    const a = '𠀀你好\r\n😀北京市人民政府\r\n上海\r\n';
    const b = '前言\r\n' + a.replace('上海', '上城');
    const span = { start: a.indexOf('😀北京'), end: a.indexOf('😀北京') + 4, text: '😀北京' };
    const r = mapThroughDiff(a, b, [span, { start: a.indexOf('上海'), end: a.indexOf('上海') + 2, text: '上海' }]);
    assert.deepStrictEqual(r.placed.map(s => b.slice(s.start, s.end)), ['😀北京']);
    assert.strictEqual(r.orphaned[0].reason, 'changed');
    assert.strictEqual(mapThroughDiff(a, a, [span]).placed[0], span);
  });

  it('finds the equal runs of a 5 MB page with a few edits', () => {
    const big = PAGE.repeat(20000);
    const changed = 'x\n' + big.slice(0, 2_000_000) + big.slice(2_000_100, 4_000_000) + '插入' + big.slice(4_000_000);
    const runs = equalRuns(big, changed);
    for (const r of runs) assert.strictEqual(big.substr(r.oldStart, r.length), changed.substr(r.newStart, r.length));
    const shared = runs.reduce((n, r) => n + r.length, 0);
    assert.ok(shared >= big.length - 200, `only ${shared} of ${big.length} shared`);
  });
});

describe('re-anchoring a sidecar written for another version of its page', () => {
  const items = [ann(PAGE, '国家发展改革委', 0), ann(PAGE, '国家发展改革委', 1)];
  const saved = items.map(a => ({ ...a, ...quoteAt(PAGE, a) }));

  it('places items by quote and context when the page gained a heading and lost a paragraph', () => {
    const changed = '新标题\n' + PARAS[1] + '\n' + PARAS[0] + '\n' + PARAS[3] + '\n';
    const r = anchorSaved(changed, saved);
    assert.strictEqual(r.orphaned.length, 0);
    for (const a of r.placed) onOwnText(changed, a);
    assert.strictEqual(r.placed.find(a => a.id === items[1].id)!.start, changed.indexOf(PARAS[1]) + PARAS[1].indexOf('国家发展改革委'));
  });

  it('orphans, never guesses, when the saved context is missing (an older sidecar) or its paragraph is gone', () => {
    const changed = PARAS[0] + '\n' + PARAS[2] + '\n';
    const old = items.map(a => ({ ...a }));
    assert.deepStrictEqual(anchorSaved('新标题\n' + PAGE, old).orphaned.map(o => o.reason), ['no-context', 'no-context']);
    const r = anchorSaved(changed, saved);
    assert.deepStrictEqual(r.placed.map(a => a.id), [items[0].id]);
    assert.deepStrictEqual(r.orphaned.map(o => [o.item.id, o.reason]), [[items[1].id, 'not-found']]);
  });
});
