import * as assert from 'assert';
import { analyze } from '../../src/core/analyze';
import { annotationsAt, adjustSpan, nextAnnotation, stepEdge, tagSpan } from '../../src/core/annotationOps';
import { carryArticleLabels, setArticleLabels } from '../../src/core/articleLabels';
import { mergeAnalysis } from '../../src/core/merge';
import { suggestRelations } from '../../src/core/relationSuggest';
import { BUILTIN_RELATIONS, addRelation, allowedRelations, linkProblem, mergeRelationSuggestions, pruneRelations, relationsOf } from '../../src/core/relations';
import type { Annotation, Article, Relation } from '../../src/core/types';
import { autoId, autoIdStart } from '../../src/core/autoId';

function ann(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return { id, start, end, text: 'x'.repeat(end - start), label: 'PER', source: 'manual', status: 'accepted', ...extra };
}
const rel = (id: string, from: string, to: string, extra: Partial<Relation> = {}): Relation =>
  ({ id, from, to, label: '任职', source: 'manual', status: 'accepted', ...extra });

describe('relations', () => {
  it('the default set allows 任职 from a person to an organisation or place, 数量 from a number to anything', () => {
    assert.deepStrictEqual(allowedRelations(BUILTIN_RELATIONS, 'PER', 'ORG').map(d => d.id), ['任职']);
    assert.deepStrictEqual(allowedRelations(BUILTIN_RELATIONS, 'ORG', 'LOC').map(d => d.id), ['位于']);
    assert.deepStrictEqual(allowedRelations(BUILTIN_RELATIONS, 'ORG', 'ORG').map(d => d.id), ['隶属']);
    assert.deepStrictEqual(allowedRelations(BUILTIN_RELATIONS, 'NUMBER', 'WORK').map(d => d.id), ['数量']);
    assert.deepStrictEqual(allowedRelations(BUILTIN_RELATIONS, 'LOC', 'PER'), []);
  });

  it('addRelation links by id, refuses self-links and repeats', () => {
    const p = ann('p', 0, 2);
    const o = ann('o', 3, 6, { label: 'ORG' });
    const { relations, added } = addRelation([], p, o, '任职');
    assert.deepStrictEqual(added, { id: 'rel-p-o', from: 'p', to: 'o', label: '任职', source: 'manual', status: 'accepted' });
    assert.match(linkProblem(relations, p, o, '任职')!, /already linked/);
    assert.match(linkProblem(relations, p, p, '任职')!, /itself/);
    assert.throws(() => addRelation(relations, p, o, '任职'));
    // Another label between the same ends is a second relation with a fresh id.
    assert.strictEqual(addRelation(relations, p, o, '隶属').added.id, 'rel-p-o.2');
  });

  it('pruneRelations drops the relations of a missing end; relationsOf finds both directions', () => {
    const rs = [rel('r1', 'a', 'b'), rel('r2', 'b', 'c'), rel('r3', 'c', 'a')];
    const r = pruneRelations(rs, [ann('a', 0, 1), ann('b', 2, 3)]);
    assert.deepStrictEqual([r.kept.map(x => x.id), r.dropped.map(x => x.id)], [['r1'], ['r2', 'r3']]);
    assert.deepStrictEqual(relationsOf(rs, 'a').map(x => x.id), ['r1', 'r3']);
  });

  it('pruneRelations finds ends again wherever they moved in the list, and never keeps an end that is gone', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => ann(`a${i}`, 2 * i, 2 * i + 1));
    const mixed = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? ann(`a${i}`, 2 * i, 2 * i + 1) : ann(`org-${2 * i}-${2 * i + 1}`, 2 * i, 2 * i + 1)));
    const rs = [rel('r1', 'a3', 'a40'), rel('r2', 'a40', 'a99'), rel('r3', 'a0', 'a3')];
    const base = list(100);
    assert.deepStrictEqual(pruneRelations(rs, base).kept.map(r => r.id), ['r1', 'r2', 'r3']);
    // The same relations against lists where their ends moved a little, far, or went.
    const shifted = [ann('x', 0, 1), ann('y', 0, 1), ...base];
    assert.deepStrictEqual(pruneRelations(rs, shifted).kept.map(r => r.id), ['r1', 'r2', 'r3']);
    const far = [...base.slice(50), ...Array.from({ length: 60 }, (_, i) => ann(`z${i}`, 0, 1)), ...base.slice(0, 50)];
    assert.deepStrictEqual(pruneRelations(rs, far).kept.map(r => r.id), ['r1', 'r2', 'r3']);
    const without40 = base.filter(a => a.id !== 'a40');
    const r = pruneRelations(rs, without40);
    assert.deepStrictEqual([r.kept.map(x => x.id), r.dropped.map(x => x.id)], [['r3'], ['r1', 'r2']]);
    // Another annotation now where an end was: the id decides, not the place.
    const replaced = base.map(a => (a.id === 'a99' ? ann('other', a.start, a.end) : a));
    assert.deepStrictEqual(pruneRelations(rs, replaced).dropped.map(x => x.id), ['r2']);
    // Suggestions' ids say where they start: found by it in a list in order (fresh relations, no hint yet),
    // and never wrongly when the list is out of order or the id is stale.
    const derived = Array.from({ length: 200 }, (_, i) => ann(`per-${3 * i}-${3 * i + 2}`, 3 * i, 3 * i + 2));
    const fresh = () => [rel('d1', 'per-30-32', 'per-597-599'), rel('d2', 'per-0-2', 'per-300-302'), rel('d3', 'per-3-5', 'per-1-2')];
    assert.deepStrictEqual(pruneRelations(fresh(), derived).kept.map(r => r.id), ['d1', 'd2']);
    assert.deepStrictEqual(pruneRelations(fresh(), [...derived].reverse()).kept.map(r => r.id), ['d1', 'd2']);
    const moved = derived.map(a => (a.id === 'per-300-302' ? { ...a, start: 5, end: 7 } : a));
    assert.deepStrictEqual(pruneRelations(fresh(), moved).kept.map(r => r.id), ['d1', 'd2']);
    // Against a naive check, over lists reshuffled at random between calls.
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 50; round++) {
      const all = mixed(60);
      const pool = all.filter(() => rand(5) > 0);
      for (let i = pool.length - 1; i > 0; i--) { const j = rand(i + 1); if (rand(3) === 0) [pool[i], pool[j]] = [pool[j], pool[i]]; }
      const ids = new Set(pool.map(a => a.id));
      const many = Array.from({ length: 30 }, (_, i) => rel(`m${i}`, all[(i * 7) % 60].id, all[(i * 13 + 5) % 60].id));
      for (const rs2 of [many, many.slice(5)]) {
        const got = pruneRelations(rs2, pool);
        assert.deepStrictEqual(got.kept.map(x => x.id), rs2.filter(x => ids.has(x.from) && ids.has(x.to)).map(x => x.id));
        assert.deepStrictEqual(got.dropped.map(x => x.id), rs2.filter(x => !(ids.has(x.from) && ids.has(x.to))).map(x => x.id));
      }
    }
  });

  it('a suggestion id gives back the start it was made with; other ids give nothing', () => {
    assert.strictEqual(autoIdStart(autoId('PER', 12, 15)), 12);
    assert.strictEqual(autoIdStart(autoId('my-label', 0, 3)), 0);
    for (const id of ['rel-a-b', 'manual-1', 'per-12', 'x']) assert.strictEqual(autoIdStart(id), undefined, id);
  });

  it('relations follow their annotations through a re-analysis: user work keeps its ids', () => {
    const manual = ann('per-0-2', 0, 2);
    const org = ann('org-3-6', 3, 6, { label: 'ORG', source: 'auto' });
    const merged = mergeAnalysis([manual, org], [ann('per-0-2', 0, 2, { source: 'auto', status: 'suggested' }), ann('loc-8-9', 8, 9, { source: 'auto', status: 'suggested', label: 'LOC' })]);
    assert.deepStrictEqual(merged.map(a => a.id), ['per-0-2', 'org-3-6', 'loc-8-9']);
    assert.strictEqual(pruneRelations([rel('r', 'per-0-2', 'org-3-6')], merged).kept.length, 1);
  });

  it('mergeRelationSuggestions keeps user relations, replaces old suggestions and never repeats a rejected one', () => {
    const annotations = [ann('a', 0, 1), ann('b', 2, 3), ann('c', 4, 5)];
    const existing = [rel('user', 'a', 'b'), rel('old', 'a', 'c', { source: 'auto', status: 'suggested' }), rel('no', 'b', 'c', { source: 'auto', status: 'rejected' })];
    const fresh = [rel('n1', 'b', 'c', { source: 'auto', status: 'suggested' }), rel('n2', 'c', 'a', { source: 'auto', status: 'suggested' }), rel('n3', 'c', 'gone', { source: 'auto', status: 'suggested' })];
    assert.deepStrictEqual(mergeRelationSuggestions(existing, fresh, annotations).map(r => r.id), ['user', 'no', 'n2']);
  });
});

describe('relation suggestions', () => {
  const text = '青松县县长王大明和白云食品有限公司董事长李小华、青松县村民赵二到场。';
  const at = (s: string, label: string, from = 0): Annotation => {
    const start = text.indexOf(s, from);
    return { id: `${label.toLowerCase()}-${start}`, start, end: start + s.length, text: s, label, source: 'auto', status: 'suggested' };
  };
  const list = [at('青松县', 'LOC'), at('王大明', 'PER'), at('白云食品有限公司', 'ORG'), at('李小华', 'PER'), at('青松县', 'LOC', 20), at('赵二', 'PER')];

  it('a post between an organisation (or county) and a person suggests 任职; a standing like 村民 does not', () => {
    const found = suggestRelations(text, list);
    assert.deepStrictEqual(found.map(r => `${r.from}→${r.to} ${r.label} ${r.source}/${r.status}`), [
      `${list[1].id}→${list[0].id} 任职 auto/suggested`,
      `${list[3].id}→${list[2].id} 任职 auto/suggested`,
    ]);
  });

  it('follows the relation set: no 任职 type, no suggestion; rejected spans are not linked', () => {
    assert.deepStrictEqual(suggestRelations(text, list, BUILTIN_RELATIONS.filter(d => d.id !== '任职')), []);
    const rejected = list.map(a => (a.label === 'ORG' ? { ...a, status: 'rejected' as const } : a));
    assert.strictEqual(suggestRelations(text, rejected).length, 1);
  });

  it('works on the analyser output for invented sentences', () => {
    const s = '红枫县副县长王大明昨天到清河乡调研。蓝湾科技有限公司总经理钱小燕介绍了情况。';
    const found = analyze(s, { articles: false, relations: true });
    const texts = (found.relations ?? []).map(r => `${found.annotations.find(a => a.id === r.from)!.text}→${found.annotations.find(a => a.id === r.to)!.text}`);
    assert.deepStrictEqual(texts, ['王大明→红枫县', '钱小燕→蓝湾科技有限公司']);
  });
});

describe('nested spans and span adjustment', () => {
  const text = '东湖区人民法院审理此案';

  it('a person may tag a span inside user work; suggestions it overlaps are replaced, an equal extent too', () => {
    const outer = ann('org', 0, 7, { label: 'ORG', text: text.slice(0, 7) });
    const sug = ann('s', 2, 4, { source: 'auto', status: 'suggested' });
    const r = tagSpan([outer, sug], { start: 0, end: 3 }, '东湖区', 'LOC');
    assert.deepStrictEqual(r.annotations.map(a => a.id), ['loc-0-3', 'org']);
    const again = tagSpan(r.annotations, { start: 0, end: 7 }, text.slice(0, 7), 'LOC');
    assert.deepStrictEqual(again.annotations.map(a => `${a.id} ${a.label}`), ['loc-0-3 LOC', 'loc-0-7 LOC']);
  });

  it('annotationsAt lists the stack outermost first; navigation visits nested items that share a start', () => {
    const list = [ann('inner', 0, 3), ann('outer', 0, 7), ann('next', 9, 10)];
    assert.deepStrictEqual(annotationsAt(list, 1).map(a => a.id), ['outer', 'inner']);
    assert.strictEqual(nextAnnotation(list, 0, 1, 'inner')!.id, 'outer');
    assert.strictEqual(nextAnnotation(list, 0, 1, 'outer')!.id, 'next');
    assert.strictEqual(nextAnnotation(list, 0, -1, 'inner')!.id, 'next');
    assert.strictEqual(nextAnnotation(list, 0, 1)!.id, 'next');
  });

  it('adjustSpan keeps id, label and status, refreshes the text and makes the extent user work', () => {
    const a = ann('x', 0, 3, { label: 'ORG', source: 'auto', status: 'suggested', text: '东湖区' });
    const [out] = adjustSpan([a], 'x', { start: 0, end: 7 }, text);
    assert.deepStrictEqual(out, { ...a, end: 7, text: '东湖区人民法院', source: 'manual' });
    assert.throws(() => adjustSpan([a], 'x', { start: 3, end: 3 }, text), /empty/);
    assert.throws(() => adjustSpan([a], 'nope', { start: 0, end: 1 }, text), /no annotation/);
    assert.throws(() => adjustSpan([a], 'x', { start: 0, end: 1 }, '𠀀a'), /cuts/);
  });

  it('stepEdge grows and shrinks one character at either end, a surrogate pair counting as one, never to empty', () => {
    const t = 'a𠀀bc';
    assert.deepStrictEqual(stepEdge({ start: 3, end: 4 }, 'start', 1, t), { start: 1, end: 4 });
    assert.deepStrictEqual(stepEdge({ start: 1, end: 4 }, 'start', -1, t), { start: 3, end: 4 });
    assert.deepStrictEqual(stepEdge({ start: 3, end: 4 }, 'end', 1, t), { start: 3, end: 5 });
    assert.strictEqual(stepEdge({ start: 3, end: 4 }, 'end', -1, t), undefined);
    assert.strictEqual(stepEdge({ start: 0, end: 1 }, 'start', 1, t), undefined);
    assert.strictEqual(stepEdge({ start: 3, end: 5 }, 'end', 1, t), undefined);
  });
});

describe('article labels', () => {
  const art = (id: string, start: number, end: number, labels?: string[]): Article => ({ id, start, end, title: id, titleLines: [id], ...(labels ? { labels } : {}) });

  it('setArticleLabels replaces the labels of one article, drops blanks and repeats, removes the field when empty', () => {
    const list = [art('a1', 0, 10), art('a2', 10, 20)];
    const out = setArticleLabels(list, 'a2', ['体育', '体育', ' ']);
    assert.deepStrictEqual(out[1].labels, ['体育']);
    assert.strictEqual(out[0], list[0]);
    assert.strictEqual('labels' in setArticleLabels(out, 'a2', [])[1], false);
    assert.throws(() => setArticleLabels(list, 'a9', ['x']));
  });

  it('carryArticleLabels gives a re-drawn article the labels of the one it mostly is, none to a split', () => {
    const old = [art('a1', 0, 100, ['经济']), art('a2', 100, 200, ['体育'])];
    const fresh = [art('article-1', 0, 102), art('article-2', 102, 150), art('article-3', 150, 200)];
    assert.deepStrictEqual(carryArticleLabels(old, fresh).map(a => a.labels), [['经济'], undefined, undefined]);
  });
});
