import { strict as assert } from 'assert';
import { exportNames } from '../../src/core/corpus/exportNames';

describe('exportNames (several pages into one folder)', () => {
  it('keeps the page name and replaces the extension', () => {
    assert.deepEqual(exportNames(['/w/news/p1.txt', '/w/news/p2.txt'], '.ann'), ['p1.ann', 'p2.ann']);
  });
  it('keeps sub-folders below the common folder, so equal names do not collide', () => {
    assert.deepEqual(exportNames(['/w/a/page.txt', '/w/b/c/page.txt', '/w/page.txt'], '.json'), ['a/page.json', 'b/c/page.json', 'page.json']);
  });
  it('handles a single page, names without an extension and dotted folders', () => {
    assert.deepEqual(exportNames(['/w/v1.2/page'], '.jsonl'), ['page.jsonl']);
    assert.deepEqual(exportNames(['/w/v1.2/x.y.txt', '/w/v1.3/x.y.txt'], '.conll'), ['v1.2/x.y.conll', 'v1.3/x.y.conll']);
  });
  it('does not treat a shared name prefix as a common folder', () => {
    assert.deepEqual(exportNames(['/w/ab/p.txt', '/w/abc/p.txt'], '.ann'), ['ab/p.ann', 'abc/p.ann']);
  });
  it('returns nothing for no pages', () => {
    assert.deepEqual(exportNames([], '.ann'), []);
  });
});
