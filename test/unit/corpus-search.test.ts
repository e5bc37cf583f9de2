import * as assert from 'assert';
import { MAX_PATTERN_LENGTH, QueryError, parseQuery, searchCorpus, type SearchQuery } from '../../src/core/corpus/search';
import type { CorpusPage } from '../../src/core/corpus/page';
import type { Annotation, Status } from '../../src/core/types';

function page(path: string, text: string, tags: Array<[string, string, Status?]>): CorpusPage {
  const annotations: Annotation[] = tags.map(([word, label, status = 'accepted'], i) => {
    const start = text.indexOf(word);
    return { id: `${path}${i}`, start, end: start + word.length, text: word, label, source: 'auto', status };
  });
  return { path, text, annotations };
}

const pages = [
  page('a.txt', '格桑花种植专业合作社与拉萨市农牧局签约。', [['格桑花种植专业合作社', 'ORG'], ['拉萨市农牧局', 'ORG']]),
  page('b.txt', '扎西顿珠加入了雪域合作社，学习中心不是机构。', [['扎西顿珠', 'PER'], ['雪域合作社', 'ORG'], ['学习中心', 'ORG', 'rejected']]),
];

describe('corpus search', () => {
  const queries: Array<[string, string, SearchQuery]> = [
    ['label and substring', 'ORG 合作社', { label: 'ORG', text: '合作社' }],
    ['a bare text', '合作社', { text: '合作社' }],
    ['a bare label', 'PER', { label: 'PER' }],
    ['any label', '* 扎西', { text: '扎西' }],
  ];
  for (const [name, q, expected] of queries) it(`parses ${name}`, () => assert.deepStrictEqual(parseQuery(q), expected));

  it('parses a /regex/ with flags', () => {
    const q = parseQuery('ORG /^雪域/i');
    assert.strictEqual(q.label, 'ORG');
    assert.deepStrictEqual([q.regex?.source, q.regex?.flags], ['^雪域', 'i']);
  });

  const refused: Array<[string, string, RegExp]> = [
    ['an empty query', '  ', /empty/],
    ['a too long pattern', `/${'a'.repeat(MAX_PATTERN_LENGTH + 1)}/`, /longer than/],
    ['nested repetition', '/(a+)+$/', /can take forever/],
    ['repeated alternatives', '/^(a|aa)*$/', /can take forever/],
    ['nested repetition one group deeper', '/((a+))+/', /can take forever/],
    ['nested repetition in a non-capturing group', '/(?:a+)+/', /can take forever/],
    ['a stateful flag', '/a/g', /flags/],
    ['an invalid pattern', '/a(/', /bad regular expression/],
  ];
  for (const [name, q, message] of refused) {
    it(`refuses ${name}`, () => assert.throws(() => parseQuery(q), (e: Error) => e instanceof QueryError && message.test(e.message)));
  }

  const safe: string[] = ['/合作社$/', '/(合作社|公司)$/', '/[(+]+/', '/\\(a+\\)+/', '/(ab)+/', '/(a+)?b/', '/(?:ab)+/', '/(?<y>\\d{4})年/'];
  for (const q of safe) it(`accepts the harmless pattern ${q}`, () => assert.ok(parseQuery(q).regex));

  const searches: Array<[string, string, boolean, string[]]> = [
    ['every ORG containing 合作社, across documents', 'ORG 合作社', false, ['a.txt:格桑花种植专业合作社', 'b.txt:雪域合作社']],
    ['a label alone', 'PER', false, ['b.txt:扎西顿珠']],
    ['by regex', '* /局$/', false, ['a.txt:拉萨市农牧局']],
    ['nothing rejected by default', 'ORG 中心', false, []],
    ['rejected items when asked', 'ORG 中心', true, ['b.txt:学习中心']],
  ];
  for (const [name, q, rejected, expected] of searches) {
    it(`finds ${name}`, () => {
      const hits = searchCorpus(pages, { ...parseQuery(q), includeRejected: rejected });
      assert.deepStrictEqual(hits.map(h => `${h.path}:${h.annotation.text}`), expected);
    });
  }

  it('returns the span and its context, and no context when the text no longer matches', () => {
    const [hit] = searchCorpus(pages, parseQuery('PER 扎西'), 3);
    assert.deepStrictEqual([hit.annotation.start, hit.annotation.end, hit.before, hit.after], [0, 4, '', '加入了']);
    const stale = { ...pages[1], text: '别的文本' };
    assert.deepStrictEqual(searchCorpus([stale], parseQuery('PER')).map(h => [h.before, h.after]), [['', '']]);
  });
});
