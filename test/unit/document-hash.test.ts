import * as assert from 'assert';
import { sha256, sha256Sliced } from '../../src/core/document';

describe('document: the page hash in slices', () => {
  it('gives exactly sha256 of the whole text, whatever the slice, surrogate pairs and lone halves included', async () => {
    const texts = ['', '中', '本报讯𠀀𠀁记者\r\n王建国', '\ud800a\udc00b𠀀' + '𠀀'.repeat(10) + '\ud83d', 'x'.repeat(1000) + '𠀀'.repeat(500)];
    let pauses = 0;
    const pause = async () => { pauses++; };
    for (const text of texts) {
      for (const slice of [1, 2, 3, 7, 64, 1 << 20]) {
        assert.strictEqual(await sha256Sliced(text, pause, slice), sha256(text), `slice ${slice} of ${JSON.stringify(text.slice(0, 20))}`);
      }
    }
    assert.ok(pauses > 0, 'the event loop is let turn between slices');
  });
});
