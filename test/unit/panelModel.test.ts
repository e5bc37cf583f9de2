import * as assert from 'assert';
import { enclosingSpans } from '../../src/core/drawing';
import type { Annotation, Article, LabelDef, Relation } from '../../src/core/types';
import {
  articleRevealSpan, DEFAULT_VIEW_STATE, groupEntities, listArticles, listNumbers, listRelations, parseFilter, pendingIds, pruneSelection,
  annotationUnder, restoreViewState, selectionOf, toggleKey, toggleSelection, validateNewLabel,
} from '../../src/webview/model';
import { PANEL_STRINGS, translate } from '../../src/webview/strings';

const LABELS: LabelDef[] = [
  { id: 'PER', name: 'Person', color: '#d9480f', key: '1' },
  { id: 'LOC', name: 'Location', color: '#2b8a3e', key: '2' },
  { id: 'ORG', name: 'Organisation', color: '#1864ab', key: '3' },
  { id: 'NUMBER', name: 'Number', color: '#e67700', key: '5' },
];
const IDS = LABELS.map(l => l.id);

let next = 0;
function ann(label: string, text: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return { id: `a${next++}`, label, text, start, end: start + text.length, source: 'auto', status: 'suggested', ...extra };
}

describe('panel model', () => {
  describe('annotationUnder (the guideline shown for the editor cursor)', () => {
    const at = (id: string, start: number, end: number, status: Annotation['status'] = 'accepted', label = 'ORG'): Annotation =>
      ({ id, start, end, text: 'x'.repeat(end - start), label, source: 'manual', status });
    const items = [at('outer', 0, 7), at('inner', 0, 3, 'accepted', 'LOC'), at('gone', 4, 6, 'rejected', 'PER'), at('other', 10, 12)];
    it('picks the innermost span under the cursor', () => assert.strictEqual(annotationUnder(items, 1)?.id, 'inner'));
    it('prefers a span that is not rejected', () => assert.strictEqual(annotationUnder(items, 5)?.id, 'outer'));
    it('counts the start but not the end', () => {
      assert.strictEqual(annotationUnder(items, 10)?.id, 'other');
      assert.strictEqual(annotationUnder(items, 12), undefined);
    });
    it('falls back to a rejected span when it is all there is', () => assert.strictEqual(annotationUnder([at('r', 0, 2, 'rejected')], 0)?.id, 'r'));
  });

  describe('parseFilter', () => {
    const cases: Array<[string, ReturnType<typeof parseFilter>]> = [
      ['', { labels: [], statuses: [], sources: [], terms: [], confidence: [] }],
      ['ORG 合作社', { labels: ['ORG'], statuses: [], sources: [], terms: ['合作社'], confidence: [] }],
      ['org loc', { labels: ['ORG', 'LOC'], statuses: [], sources: [], terms: [], confidence: [] }],
      ['  is:Accepted   is:manual  ', { labels: [], statuses: ['accepted'], sources: ['manual'], terms: [], confidence: [] }],
      ['is:nonsense Beijing', { labels: [], statuses: [], sources: [], terms: ['is:nonsense', 'beijing'], confidence: [] }],
      ['ORGAN', { labels: [], statuses: [], sources: [], terms: ['organ'], confidence: [] }],
      ['conf<0.5', { labels: [], statuses: [], sources: [], terms: [], confidence: [{ op: '<', value: 0.5 }] }],
      ['PER CONF>=.9 conf<=1 conf>0 conf=0.25', { labels: ['PER'], statuses: [], sources: [], terms: [], confidence: [
        { op: '>=', value: 0.9 }, { op: '<=', value: 1 }, { op: '>', value: 0 }, { op: '=', value: 0.25 }] }],
      // Out of range or malformed bounds stay text, so nothing silently filters everything away.
      ['conf<1.5 conf<abc conf<', { labels: [], statuses: [], sources: [], terms: ['conf<1.5', 'conf<abc', 'conf<'], confidence: [] }],
    ];
    for (const [text, expected] of cases) {
      it(`reads ${JSON.stringify(text)} as labels, statuses, sources and terms`, () => {
        assert.deepStrictEqual(parseFilter(text, IDS), expected);
      });
    }
  });

  describe('confidence filter and sort', () => {
    const data = [
      ann('PER', '张三', 0, { confidence: 0.95 }), ann('PER', '张三', 20, { confidence: 0.4 }), ann('PER', '李四', 10, { confidence: 0.9 }),
      ann('PER', '王五', 30), ann('PER', '赵六', 40, { confidence: 0.5 }), ann('PER', '赵六', 50, { confidence: 0.6 }), ann('PER', '赵六', 60, { confidence: 0.7 }),
    ];
    const texts = (f: string) => groupEntities(data, LABELS, parseFilter(f, IDS)).flatMap(g => g.names.flatMap(n => n.mentions.map(m => `${n.text}@${m.start}`)));

    it('conf<0.5 keeps only mentions below it; a mention without a confidence never matches a bound', () => {
      assert.deepStrictEqual(texts('conf<0.5'), ['张三@20']);
      assert.deepStrictEqual(texts('conf>=0.9').sort(), ['张三@0', '李四@10']);
      assert.deepStrictEqual(texts('conf>=0.5 conf<0.7'), ['赵六@40', '赵六@50']);
      assert.deepStrictEqual(texts('conf>0.69 conf<=0.7'), ['赵六@60']);
    });

    it('a bound combines with labels, statuses and text', () => {
      assert.deepStrictEqual(texts('PER 张 conf>0.5'), ['张三@0']);
      assert.deepStrictEqual(texts('LOC conf>0'), []);
      assert.deepStrictEqual(texts('is:accepted conf>0'), []);
    });

    it('sorting by confidence puts the least sure name first (by its lowest mention) and names without one last', () => {
      const per = groupEntities(data, LABELS, parseFilter('', IDS), 'confidence')[0];
      assert.deepStrictEqual(per.names.map(n => [n.text, n.confidence]), [['张三', 0.4], ['赵六', 0.5], ['李四', 0.9], ['王五', undefined]]);
      const byMentions = groupEntities(data, LABELS, parseFilter('', IDS))[0];
      assert.deepStrictEqual(byMentions.names.map(n => n.text), ['赵六', '张三', '李四', '王五']);
    });

    it('the entity sort survives a reload and a bad stored value falls back to mentions', () => {
      assert.strictEqual(restoreViewState({ entitySort: 'confidence' }).entitySort, 'confidence');
      assert.strictEqual(restoreViewState({ entitySort: 'nonsense' }).entitySort, 'mentions');
    });
  });

  describe('groupEntities', () => {
    const data = [
      ann('ORG', '合作社', 50), ann('PER', '张三', 10), ann('ORG', '合作社', 5), ann('PER', '李四', 2),
      ann('PER', '张三', 30, { status: 'accepted' }), ann('NUMBER', '三亿元', 40), ann('EVENT', '运动会', 60),
      ann('LOC', '拉萨', 70, { status: 'rejected' }),
    ];

    it('groups by label in label-set order, unknown labels last, and never lists numbers', () => {
      assert.deepStrictEqual(groupEntities(data, LABELS, parseFilter('', IDS)).map(g => g.label), ['PER', 'LOC', 'ORG', 'EVENT']);
    });

    it('puts the most-mentioned name first, then by first position, with mentions in document order', () => {
      const per = groupEntities(data, LABELS, parseFilter('', IDS))[0];
      assert.deepStrictEqual(per.names.map(n => [n.text, n.mentions.map(m => m.start), n.pending]), [['张三', [10, 30], 1], ['李四', [2], 1]]);
      assert.strictEqual(per.mentions, 3);
    });

    it('marks a name whose every mention is rejected', () => {
      const loc = groupEntities(data, LABELS, parseFilter('', IDS)).find(g => g.label === 'LOC')!;
      assert.strictEqual(loc.names[0].rejected, true);
    });

    const filters: Array<[string, string[]]> = [
      ['ORG 合作', ['ORG:合作社']],
      ['张', ['PER:张三']],
      ['is:accepted', ['PER:张三']],
      ['PER LOC', ['PER:张三', 'PER:李四', 'LOC:拉萨']],
      ['nothing-like-this', []],
    ];
    for (const [filter, names] of filters) {
      it(`filter ${JSON.stringify(filter)} keeps ${names.join(', ') || 'nothing'}`, () => {
        const got = groupEntities(data, LABELS, parseFilter(filter, IDS)).flatMap(g => g.names.map(n => `${n.label}:${n.text}`));
        assert.deepStrictEqual(got, names);
      });
    }
  });

  describe('listNumbers', () => {
    const nums = [
      ann('NUMBER', '3亿元', 30, { value: 3e8, kind: 'money' }),
      ann('NUMBER', '第二', 10, { value: 2, kind: 'ordinal' }),
      ann('NUMBER', '若干', 20, { kind: 'cardinal' }),
      ann('NUMBER', '1.52万余学时', 40, { value: 15200, unit: '学时', approx: '>', kind: 'duration' }),
      ann('PER', '张三', 0),
    ];
    const cases: Array<[Parameters<typeof listNumbers>[2], Parameters<typeof listNumbers>[3], number[]]> = [
      ['position', 'asc', [10, 20, 30, 40]],
      ['position', 'desc', [40, 30, 20, 10]],
      ['value', 'asc', [10, 40, 30, 20]],
      ['value', 'desc', [30, 40, 10, 20]],
      ['text', 'asc', [40, 30, 20, 10].sort((a, b) => nums.find(n => n.start === a)!.text.localeCompare(nums.find(n => n.start === b)!.text, 'zh-Hans-CN'))],
    ];
    for (const [key, dir, starts] of cases) {
      it(`sorts by ${key} ${dir}, numbers without a value last`, () => {
        assert.deepStrictEqual(listNumbers(nums, parseFilter('', IDS), key, dir).map(a => a.start), starts);
      });
    }
    it('filters numbers by their unit', () => {
      assert.deepStrictEqual(listNumbers(nums, parseFilter('学时', IDS), 'position', 'asc').map(a => a.text), ['1.52万余学时']);
    });
  });

  describe('articles', () => {
    const articles: Article[] = [
      { id: 'x', start: 0, end: 100, title: '主标题', titleLines: ['引题', '主标题'], byline: '本报记者 某某', blocks: [{ kind: 'title', start: 3, end: 6 }] },
      { id: 'y', start: 100, end: 200, title: '另一篇', titleLines: ['另一篇'], labels: ['体育'] },
    ];
    const anns = [ann('PER', '某', 10), ann('NUMBER', '3', 20), ann('ORG', '甲', 150, { status: 'rejected' }), ann('LOC', '乙丙丁', 98)];

    it('counts drawn entities and numbers that lie inside each article', () => {
      assert.deepStrictEqual(listArticles(articles, anns, parseFilter('', IDS)).map(r => [r.article.id, r.entities, r.numbers]), [['x', 1, 1], ['y', 0, 0]]);
    });

    it('matches the filter against headline lines and byline', () => {
      assert.deepStrictEqual(listArticles(articles, anns, parseFilter('记者', IDS)).map(r => r.article.id), ['x']);
      assert.deepStrictEqual(listArticles(articles, anns, parseFilter('引题', IDS)).map(r => r.article.id), ['x']);
    });

    it('matches the filter against the article labels', () => {
      assert.deepStrictEqual(listArticles(articles, anns, parseFilter('体育', IDS)).map(r => r.article.id), ['y']);
    });

    it('reveals the title block when known, else the article start', () => {
      assert.deepStrictEqual(articles.map(articleRevealSpan), [{ start: 3, end: 6 }, { start: 100, end: 100 }]);
    });
  });

  describe('selection', () => {
    const cases: Array<[string[], string[], 'none' | 'some' | 'all', string[]]> = [
      [[], ['a', 'b'], 'none', ['a', 'b']],
      [['a'], ['a', 'b'], 'some', ['a', 'b']],
      [['a', 'b', 'c'], ['a', 'b'], 'all', ['c']],
    ];
    for (const [selected, ids, state, after] of cases) {
      it(`with ${JSON.stringify(selected)} selected, ${JSON.stringify(ids)} is ${state} and a toggle leaves ${JSON.stringify(after)}`, () => {
        assert.strictEqual(selectionOf(new Set(selected), ids), state);
        assert.deepStrictEqual([...toggleSelection(new Set(selected), ids)].sort(), after);
      });
    }

    it('drops selected ids that are no longer in the snapshot', () => {
      const a = ann('PER', 'x', 0);
      assert.deepStrictEqual([...pruneSelection(new Set([a.id, 'gone']), [a])], [a.id]);
    });

    it('accept-all-visible takes only suggestions', () => {
      const list = [ann('PER', 'x', 0), ann('PER', 'y', 1, { status: 'accepted' }), ann('PER', 'z', 2, { status: 'rejected' })];
      assert.deepStrictEqual(pendingIds(list), [list[0].id]);
    });
  });

  describe('validateNewLabel', () => {
    const cases: Array<[string, { id: string; name: string; color: string; key: string }, string]> = [
      ['accepts a well-formed label', { id: 'EVENT', name: 'Event', color: '#AABBCC', key: '7' }, 'ok'],
      ['refuses an id that does not start with a letter', { id: '1X', name: 'x', color: '#000000', key: '' }, 'id'],
      ['refuses markup in the id', { id: '<b>', name: 'x', color: '#000000', key: '' }, 'id'],
      ['refuses an existing id in another case', { id: 'per', name: 'x', color: '#000000', key: '' }, 'duplicate'],
      ['refuses an empty name', { id: 'X', name: '   ', color: '#000000', key: '' }, 'name'],
      ['refuses a key already taken', { id: 'X', name: 'x', color: '#000000', key: '1' }, 'key'],
    ];
    for (const [title, draft, expected] of cases) {
      it(title, () => {
        const r = validateNewLabel(draft, LABELS);
        assert.strictEqual(r.ok ? 'ok' : r.problem, expected);
      });
    }

    it('normalises the colour and replaces one that is not #rrggbb', () => {
      const ok = validateNewLabel({ id: 'A', name: 'a', color: '#AABBCC', key: '' }, LABELS);
      const bad = validateNewLabel({ id: 'B', name: 'b', color: 'red;x:url(javascript:1)', key: '' }, LABELS);
      assert.deepStrictEqual([ok.ok && ok.label, bad.ok && bad.label], [{ id: 'A', name: 'a', color: '#aabbcc' }, { id: 'B', name: 'b', color: '#808080' }]);
    });
  });

  describe('view state', () => {
    it('restores a stored state', () => {
      const stored = { ...DEFAULT_VIEW_STATE, tab: 'numbers', filter: 'ORG 合作社', numberSort: { key: 'value', dir: 'desc' }, collapsed: ['group:PER'], scroll: { numbers: 120 }, labelsOpen: true, guidelineOpen: false };
      assert.deepStrictEqual(restoreViewState(JSON.parse(JSON.stringify(stored))), stored);
    });

    it('restores the Statistics tab and its scroll position', () => {
      const s = restoreViewState({ tab: 'stats', scroll: { stats: 40 } });
      assert.deepStrictEqual([s.tab, s.scroll], ['stats', { stats: 40 }]);
    });

    const broken: unknown[] = [undefined, null, 42, 'x', { tab: 'evil', filter: 3, numberSort: { key: 'x', dir: 1 }, collapsed: [1, 'ok'], scroll: { numbers: -5, articles: 'x' } }];
    for (const raw of broken) {
      it(`falls back field by field for ${JSON.stringify(raw)}`, () => {
        const s = restoreViewState(raw);
        assert.strictEqual(s.tab, 'entities');
        assert.strictEqual(s.filter, '');
        assert.deepStrictEqual(s.numberSort, { key: 'position', dir: 'asc' });
        assert.deepStrictEqual(s.scroll, {});
        assert.ok(s.collapsed.every(k => typeof k === 'string'));
      });
    }

    it('toggles a key in and out of a list once', () => {
      assert.deepStrictEqual(toggleKey(toggleKey(['a'], 'b', true), 'b', true), ['a', 'b']);
      assert.deepStrictEqual(toggleKey(['a', 'b'], 'a', false), ['b']);
    });
  });

  describe('relations', () => {
    const per = ann('PER', '王大明', 20, { source: 'manual', status: 'accepted' });
    const org = ann('ORG', '东湖区人民法院', 10, { source: 'manual', status: 'accepted' });
    const loc = ann('LOC', '东湖区', 10, { source: 'manual', status: 'accepted' });
    const rel = (id: string, from: Annotation, to: Annotation | string, label: string, extra: Partial<Relation> = {}): Relation =>
      ({ id, from: from.id, to: typeof to === 'string' ? to : to.id, label, source: 'manual', status: 'accepted', ...extra });
    const relations = [
      rel('r1', per, org, '任职'),
      rel('r2', org, loc, '位于', { source: 'auto', status: 'suggested' }),
      rel('r3', loc, 'gone', '位于'),
    ];
    const ids = (f: string) => listRelations(relations, [per, org, loc], parseFilter(f, IDS)).map(r => r.relation.id);

    it('lists every relation with its ends, in the order of the source in the text', () => {
      const rows = listRelations(relations, [per, org, loc], parseFilter('', IDS));
      assert.deepStrictEqual(rows.map(r => [r.relation.id, r.from?.text, r.to?.text]),
        [['r2', '东湖区人民法院', '东湖区'], ['r3', '东湖区', undefined], ['r1', '王大明', '东湖区人民法院']]);
    });

    it('filters on relation label, end text, end label, status and source', () => {
      assert.deepStrictEqual(ids('任职'), ['r1']);
      assert.deepStrictEqual(ids('王大明'), ['r1']);
      assert.deepStrictEqual(ids('法院'), ['r2', 'r1']);
      assert.deepStrictEqual(ids('PER'), ['r1']);
      assert.deepStrictEqual(ids('LOC'), ['r2', 'r3']);
      assert.deepStrictEqual(ids('is:suggested'), ['r2']);
      assert.deepStrictEqual(ids('is:manual'), ['r3', 'r1']);
      assert.deepStrictEqual(ids('conf>0.5'), [], 'relations carry no confidence, so a bound hides them');
    });

    it('keeps selected relation ids through pruning and finds suggested relations for "accept all visible"', () => {
      assert.deepStrictEqual([...pruneSelection(new Set(['r1', 'r9']), relations)], ['r1']);
      assert.deepStrictEqual(pendingIds(relations), ['r2']);
    });
  });

  describe('enclosingSpans', () => {
    it('finds the innermost outer span of a nested one, and none for flat, equal or crossing spans', () => {
      const court = ann('ORG', '东湖区人民法院', 10, { status: 'accepted', source: 'manual' });
      const district = ann('LOC', '东湖区', 10, { status: 'accepted', source: 'manual' });
      const lake = ann('LOC', '东湖', 10, { status: 'accepted', source: 'manual' });
      const same = ann('ORG', '东湖区', 10, { status: 'accepted', source: 'manual' });
      const flat = ann('PER', '王大明', 30);
      const crossing = ann('ORG', '法院院长', 15);
      const rejectedOuter = ann('ORG', '王大明说', 30, { status: 'rejected' });
      const inside = enclosingSpans([flat, lake, court, district, same, crossing, rejectedOuter]);
      assert.strictEqual(inside.get(district.id)?.id, court.id);
      assert.strictEqual(inside.get(same.id)?.id, court.id);
      assert.ok([district.id, same.id].includes(inside.get(lake.id)?.id ?? ''), 'the lake sits in the district, the innermost');
      assert.strictEqual(inside.has(court.id), false);
      assert.strictEqual(inside.has(flat.id), false, 'a rejected span around it does not count');
      assert.strictEqual(inside.has(crossing.id), false);
    });

    it('handles spans that start where another ends, and a span inside two', () => {
      const a = ann('ORG', 'ab', 0), b = ann('ORG', 'cd', 2), outer = ann('ORG', 'abcdef', 0), mid = ann('ORG', 'cde', 2);
      const inside = enclosingSpans([a, b, outer, mid]);
      assert.strictEqual(inside.get(a.id)?.id, outer.id);
      assert.strictEqual(inside.get(b.id)?.id, mid.id);
      assert.strictEqual(inside.get(mid.id)?.id, outer.id);
    });
  });

  describe('strings', () => {
    it('uses the host text when given and the English fallback otherwise', () => {
      assert.strictEqual(translate({ 'action.accept': '接受' }, 'action.accept'), '接受');
      assert.strictEqual(translate({}, 'action.accept'), PANEL_STRINGS['action.accept']);
    });

    it('fills positional arguments and leaves missing ones visible', () => {
      assert.strictEqual(translate({}, 'list.shown', 3, 10), 'Showing 3 of 10');
      assert.strictEqual(translate({ 'bulk.selected': '已选 {0} 项 {1}' }, 'bulk.selected', 2), '已选 2 项 {1}');
    });

    it('ignores inherited keys such as __proto__ and toString', () => {
      const table = JSON.parse('{"__proto__": {"action.accept": "pwned"}}') as Record<string, string>;
      assert.strictEqual(translate(table, 'action.accept'), 'Accept');
    });
  });
});
