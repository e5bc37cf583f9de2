import * as assert from 'assert';
import { countsCsv, entitiesCsv, folderStats, pageStats, reviewStatus, top } from '../../src/core/corpus/stats';
import type { Annotation, Source, Status } from '../../src/core/types';

let n = 0;
function ann(text: string, label: string, status: Status = 'suggested', source: Source = 'auto'): Annotation {
  n++;
  return { id: `a${n}`, start: n, end: n + text.length, text, label, source, status };
}

describe('corpus statistics', () => {
  const reviews: Array<[string, Annotation[], string]> = [
    ['only untouched suggestions', [ann('拉萨', 'LOC'), ann('扎西', 'PER')], 'not started'],
    ['some decided', [ann('拉萨', 'LOC', 'accepted'), ann('扎西', 'PER')], 'in progress'],
    ['a manual tag among suggestions', [ann('拉萨', 'LOC', 'accepted', 'manual'), ann('扎西', 'PER')], 'in progress'],
    ['every suggestion decided', [ann('拉萨', 'LOC', 'accepted'), ann('扎西', 'PER', 'rejected')], 'done'],
    ['nothing to review', [], 'done'],
  ];
  for (const [name, anns, status] of reviews) it(`calls a page with ${name} "${status}"`, () => assert.strictEqual(reviewStatus(anns), status));

  const page1 = { path: 'a.txt', annotations: [ann('扎西', 'PER', 'accepted'), ann('扎西', 'PER'), ann('中心', 'ORG', 'rejected'), ann('三千元', 'NUMBER'), ann('拉萨', 'LOC')] };
  const page2 = { path: 'b.txt', annotations: [ann('扎西', 'PER', 'accepted'), ann('=cmd', 'PER', 'accepted', 'manual'), ann('三千元', 'NUMBER', 'accepted')] };

  it('counts per label and status, and distinct entities without rejections', () => {
    const s = pageStats(page1);
    assert.deepStrictEqual(s.labels.map(c => [c.label, c.suggested, c.accepted, c.rejected, c.total, c.distinct]), [
      ['LOC', 1, 0, 0, 1, 1], ['NUMBER', 1, 0, 0, 1, 1], ['ORG', 0, 0, 1, 1, 0], ['PER', 1, 1, 0, 2, 1],
    ]);
    assert.deepStrictEqual([s.all.total, s.all.distinct, s.pending, s.review], [5, 3, 3, 'in progress']);
  });

  it('aggregates a folder and ranks the most frequent names and numbers', () => {
    const f = folderStats([page1, page2]);
    assert.strictEqual(f.pages, 2);
    assert.deepStrictEqual(f.review, { 'not started': 0, 'in progress': 1, done: 1 });
    assert.deepStrictEqual(top(f.entities, 2, 'names').map(e => [e.text, e.count]), [['扎西', 3], ['拉萨', 1]]);
    assert.deepStrictEqual(top(f.entities, 5, 'numbers').map(e => [e.text, e.count]), [['三千元', 2]]);
  });

  it('exports counts and entities as CSV with folder rows and the injection guard', () => {
    const pages = [pageStats(page1), pageStats(page2)];
    const folder = folderStats([page1, page2]);
    const counts = countsCsv(pages, folder).split('\r\n');
    assert.strictEqual(counts[0], 'page,review,label,suggested,accepted,rejected,total,distinct');
    assert.ok(counts.includes('a.txt,in progress,PER,1,1,0,2,1'));
    assert.ok(counts.includes('(all),,*,3,4,1,8,4'));
    const entities = entitiesCsv(pages, folder).split('\r\n');
    assert.ok(entities.includes("b.txt,PER,'=cmd,1"));
    assert.ok(entities.includes('(all),PER,扎西,3'));
  });
});
