import * as assert from 'assert';
import { parseLintConfig } from '../../src/core/lint/config';
import { lint, RULES, type Finding, type LintConfig, type LintPage } from '../../src/core/lint';
import { trimmedSpan } from '../../src/core/lint/rules/spanEdges';
import { toText } from '../../src/core/lint/textReport';
import type { Relation, Sidecar } from '../../src/core/team/types';
import type { Annotation, Article } from '../../src/core/types';
import { sidecar, tags } from '../helpers/sidecars';

const only = (rule: string): LintConfig => ({ rules: Object.fromEntries(RULES.map(r => [r.id, r.id === rule ? r.defaultSeverity : 'off'])) });
const page = (path: string, text: string, annotations: Annotation[], extra: Partial<Sidecar> = {}, onDisk: string | null = text): LintPage =>
  ({ path, doc: sidecar(path, text, annotations, extra), text: onDisk ?? undefined });
const run = (rule: string, pages: LintPage[], config: Partial<LintConfig> = {}): Finding[] => lint(pages, { ...only(rule), ...config });
const ids = (fs: Finding[]) => fs.map(f => f.annotationId);

describe('lint rules', () => {
  describe('inconsistent-label', () => {
    const A = '拉萨市人民政府和拉萨市人民政府。';
    const B = '拉萨市人民政府今天开会。';
    it('reports the item off the majority label across the corpus, with the counts', () => {
      const p1 = page('a.txt', A, tags(A, [['拉萨市人民政府', 'ORG'], ['拉萨市人民政府', 'LOC']]));
      const p2 = page('b.txt', B, tags(B, [['拉萨市人民政府', 'ORG']]));
      const found = run('inconsistent-label', [p1, p2]);
      assert.deepStrictEqual(ids(found), ['loc-8-15']);
      assert.match(found[0].message, /this page LOC ×1, ORG ×1; corpus ORG ×2, LOC ×1; most use ORG/);
      assert.strictEqual(found[0].data?.majority, 'ORG');
      assert.strictEqual(found[0].severity, 'warning');
    });
    it('reports every item of a text when no label has a majority', () => {
      const found = run('inconsistent-label', [page('a.txt', A, tags(A, [['拉萨市人民政府', 'ORG'], ['拉萨市人民政府', 'LOC']]))]);
      assert.deepStrictEqual(ids(found), ['org-0-7', 'loc-8-15']);
      assert.strictEqual(found[0].data?.majority, undefined);
    });
    it('is quiet when the labels agree, and ignores suggestions and rejections', () => {
      const agree = page('a.txt', A, tags(A, [['拉萨市人民政府', 'ORG'], ['拉萨市人民政府', 'ORG']]));
      const machine = page('b.txt', B, tags(B, [['拉萨市人民政府', 'LOC', 'suggested', 'auto']]));
      const rejected = page('c.txt', B, tags(B, [['拉萨市人民政府', 'PER', 'rejected', 'auto']]));
      assert.deepStrictEqual(run('inconsistent-label', [agree, machine, rejected]), []);
    });
  });

  describe('unknown-label', () => {
    const T = '扎西在拉萨。';
    it("reports a label outside the page's label set", () => {
      const found = run('unknown-label', [page('a.txt', T, tags(T, [['扎西', 'PERSON'], ['拉萨', 'LOC']]))]);
      assert.deepStrictEqual(ids(found), ['person-0-2']);
      assert.match(found[0].message, /label PERSON is not in the label set \(PER, LOC, ORG, WORK, NUMBER\)/);
    });
    it("uses lint.json's labels when given", () => {
      const found = run('unknown-label', [page('a.txt', T, tags(T, [['扎西', 'PER'], ['拉萨', 'LOC']]))], { labels: ['PER'] });
      assert.deepStrictEqual(ids(found), ['loc-3-5']);
    });
    it('is quiet when every label is known', () => {
      assert.deepStrictEqual(run('unknown-label', [page('a.txt', T, tags(T, [['扎西', 'PER'], ['拉萨', 'LOC']]))]), []);
    });
  });

  describe('span-edges', () => {
    const T = '他说：“扎西 在拉萨，70%的人。”《西藏日报》';
    it('reports whitespace and punctuation at an edge, with the trimmed span', () => {
      const anns = tags(T, [['：“扎西 ', 'PER'], ['拉萨，', 'LOC']]);
      const found = run('span-edges', [page('a.txt', T, anns)]);
      assert.deepStrictEqual(ids(found), [anns[0].id, anns[1].id]);
      assert.deepStrictEqual(found[0].data?.trimmed, { start: T.indexOf('扎西'), end: T.indexOf('扎西') + 2 });
      assert.match(found[1].message, /trimmed: "拉萨"/);
    });
    it('accepts a clean span, a percentage, a WORK with its title marks, and rejected items', () => {
      const anns = tags(T, [['扎西', 'PER'], ['70%', 'NUMBER'], ['《西藏日报》', 'WORK']]);
      const rejected = tags(T, [['拉萨，', 'LOC', 'rejected']]);
      assert.deepStrictEqual(run('span-edges', [page('a.txt', T, [...anns, ...rejected])]), []);
    });
    it('trims by code points, so a span of astral characters keeps its UTF-16 offsets right', () => {
      const a: Annotation = { id: 'x', start: 4, end: 10, text: ' 𠀀𠀀 ', label: 'PER', source: 'manual', status: 'accepted' };
      assert.deepStrictEqual(trimmedSpan(a), { start: 5, end: 9 });
      assert.strictEqual(trimmedSpan({ ...a, text: '，。', end: 6 }), undefined); // nothing would be left
    });
  });

  describe('crosses-boundary', () => {
    const T = '第一篇。扎西\n多吉来了。第二篇开始。';
    const articles: Article[] = [
      { id: 'article-1', start: 0, end: 12, title: '第一篇', titleLines: ['第一篇'] },
      { id: 'article-2', start: 12, end: T.length, title: '第二篇', titleLines: ['第二篇'] },
    ];
    it('reports a span with a line break and a span across an article boundary', () => {
      const anns = tags(T, [['扎西\n多吉', 'PER'], ['。第二', 'ORG']]);
      const found = run('crosses-boundary', [page('a.txt', T, anns, { articles })]);
      assert.deepStrictEqual(ids(found), anns.map(a => a.id));
      assert.match(found[0].message, /crosses a line break/);
      assert.match(found[1].message, /article article-1|article article-2/);
    });
    it('is quiet for spans inside one line of one article', () => {
      assert.deepStrictEqual(run('crosses-boundary', [page('a.txt', T, tags(T, [['扎西', 'PER'], ['第二篇', 'WORK']]), { articles })]), []);
    });
  });

  describe('relation-labels', () => {
    const T = '扎西在拉萨市人民政府工作。';
    const anns = tags(T, [['扎西', 'PER'], ['拉萨市人民政府', 'ORG']]);
    const rel = (from: string, to: string, label = 'WORKS_FOR'): Relation => ({ id: `r-${from}-${to}`, from, to, label, source: 'manual', status: 'accepted' });
    const relations = [{ id: 'WORKS_FOR', from: ['PER'], to: ['ORG'] }];
    it('reports ends with labels the relation type does not allow', () => {
      const found = run('relation-labels', [page('a.txt', T, anns, { relations: [rel(anns[1].id, anns[0].id)] })], { relations });
      // In page order: the wrong end (扎西, PER) comes first, then the wrong start (the ORG).
      assert.deepStrictEqual(found.map(f => f.annotationId), [anns[0].id, anns[1].id]);
      assert.match(found[0].message, /may end at ORG, not at PER "扎西"/);
      assert.match(found[1].message, /may start at PER, not at ORG "拉萨市人民政府"/);
    });
    it('reports a missing end and a type outside the relation set', () => {
      const found = run('relation-labels', [page('a.txt', T, anns, { relations: [rel(anns[0].id, 'gone'), rel(anns[0].id, anns[1].id, 'BORN_IN')] })], { relations });
      assert.deepStrictEqual(found.map(f => /missing annotation gone|not in the relation set/.test(f.message)), [true, true]);
    });
    it('is quiet for allowed ends, and checks only ids when no relation set is configured', () => {
      assert.deepStrictEqual(run('relation-labels', [page('a.txt', T, anns, { relations: [rel(anns[0].id, anns[1].id)] })], { relations }), []);
      assert.deepStrictEqual(run('relation-labels', [page('a.txt', T, anns, { relations: [rel(anns[1].id, anns[0].id)] })]), []);
    });
  });

  describe('done-with-suggestions', () => {
    const T = '扎西在拉萨。';
    const review = (status: 'done' | 'in progress' | 'reviewed') => ({ review: { status, by: 'alice', at: '2026-01-01T00:00:00.000Z' } });
    it('warns when a page marked done or reviewed still has suggestions', () => {
      for (const status of ['done', 'reviewed'] as const) {
        const found = run('done-with-suggestions', [page('a.txt', T, tags(T, [['扎西', 'PER'], ['拉萨', 'LOC', 'suggested', 'auto']]), review(status))]);
        assert.strictEqual(found.length, 1);
        assert.match(found[0].message, new RegExp(`marked ${status} but 1 suggestion still awaits review`));
      }
    });
    it('is quiet for a page in progress or with every suggestion decided', () => {
      const pending = tags(T, [['拉萨', 'LOC', 'suggested', 'auto']]);
      assert.deepStrictEqual(run('done-with-suggestions', [page('a.txt', T, pending, review('in progress'))]), []);
      assert.deepStrictEqual(run('done-with-suggestions', [page('a.txt', T, tags(T, [['拉萨', 'LOC', 'rejected', 'auto']]), review('done'))]), []);
    });
  });

  describe('unresolved-orphan', () => {
    const T = '扎西在拉萨。';
    it('reports each orphan', () => {
      const orphans: Annotation[] = [{ id: 'o1', start: 40, end: 42, text: '多吉', label: 'PER', source: 'manual', status: 'accepted' }];
      const found = run('unresolved-orphan', [page('a.txt', T, [], { orphans })]);
      assert.strictEqual(found.length, 1);
      assert.match(found[0].message, /orphaned PER "多吉" \(o1\)/);
    });
    it('is quiet with no orphans', () => assert.deepStrictEqual(run('unresolved-orphan', [page('a.txt', T, [], { orphans: [] })]), []));
  });

  describe('stale-sidecar', () => {
    const T = '扎西在拉萨。';
    it('reports a page whose text changed, and a missing page', () => {
      const found = run('stale-sidecar', [page('a.txt', T, [], {}, T + '又'), page('b.txt', T, [], {}, null)]);
      assert.deepStrictEqual(found.map(f => [f.path, /sha256 mismatch|not found/.test(f.message), f.severity]), [['a.txt', true, 'error'], ['b.txt', true, 'error']]);
    });
    it('is quiet when the hashes match', () => assert.deepStrictEqual(run('stale-sidecar', [page('a.txt', T, [])]), []));
  });

  describe('merge-conflict', () => {
    const T = '扎西在拉萨。';
    const [a] = tags(T, [['拉萨', 'LOC']]);
    it('reports each conflict left by the merge driver', () => {
      const conflicts = [{ list: 'annotations' as const, id: a.id, base: null, ours: a, theirs: { ...a, label: 'ORG' }, fields: ['label'] }];
      const found = run('merge-conflict', [page('a.txt', T, [a], { conflicts })]);
      assert.deepStrictEqual([found.length, found[0].annotationId, /different label/.test(found[0].message)], [1, a.id, true]);
    });
    it('is quiet without conflicts', () => assert.deepStrictEqual(run('merge-conflict', [page('a.txt', T, [a])]), []));
  });
});

describe('lint runner and configuration', () => {
  const T = '第一行\n扎西 在拉萨。';
  const anns = tags(T, [['扎西 ', 'PERSON']]);
  it('gives 1-based line and UTF-16 column ranges when the sidecar is current, none when stale', () => {
    const [f] = lint([page('a.txt', T, anns)], only('span-edges'));
    assert.deepStrictEqual(f.range, { start: 4, end: 7, line: 2, column: 1, endLine: 2, endColumn: 4 });
    const [stale] = lint([page('a.txt', T, anns, {}, T + '。')], only('span-edges'));
    assert.strictEqual(stale.range, undefined);
  });
  it('applies severities and turns rules off', () => {
    const parsed = parseLintConfig('{"rules": {"span-edges": "error", "unknown-label": "off"}}');
    assert.ok(parsed.ok);
    const found = lint([page('a.txt', T, anns)], parsed.config);
    assert.deepStrictEqual(found.map(f => [f.rule, f.severity]), [['span-edges', 'error']]);
    assert.match(toText(found, 1), /^a\.txt:2:1: error span "扎西 " .* \[span-edges\]\n1 page: 1 error, 0 warnings, 0 info\n$/);
  });
  const bad: Array<[string, RegExp]> = [
    ['{"rules": {"no-such-rule": "error"}}', /rules\.no-such-rule: unknown rule/],
    ['{"rules": {"span-edges": "fatal"}}', /expected off, error, warning, info, found "fatal"/],
    ['{"labelz": []}', /unknown key "labelz"/],
    ['{"relations": [{"id": "R", "from": "PER"}]}', /relations\[0\]\.from/],
    ['{"rules": ', /not valid JSON/],
  ];
  for (const [json, why] of bad) {
    it(`refuses ${json} with a clear message`, () => {
      const parsed = parseLintConfig(json);
      assert.ok(!parsed.ok && why.test(parsed.message), JSON.stringify(parsed));
    });
  }
  it('reads labels and relation types', () => {
    const parsed = parseLintConfig('{"labels": ["PER", "ORG"], "relations": [{"id": "WORKS_FOR", "from": ["PER"]}]}');
    assert.deepStrictEqual(parsed, { ok: true, config: { rules: {}, labels: ['PER', 'ORG'], relations: [{ id: 'WORKS_FOR', from: ['PER'] }] } });
  });
});
