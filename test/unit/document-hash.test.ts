import * as assert from 'assert';
import { createHash } from 'crypto';
import { sha256, sha256Sliced } from '../../src/core/document';

describe('document: the page hash in slices', () => {
  it('gives exactly sha256 of the whole text, whatever the slice, surrogate pairs and lone halves included', async () => {
    const texts = ['', '中', '本报讯𠀀𠀁记者\r\n王建国', '\ud800a\udc00b𠀀' + '𠀀'.repeat(10) + '\ud83d', 'x'.repeat(1000) + '𠀀'.repeat(500)];
    let pauses = 0;
    const pause = async () => { pauses++; };
    for (const text of texts) {
      const want = createHash('sha256').update(text, 'utf8').digest('hex');
      for (const slice of [1, 2, 3, 7, 64, 1 << 20]) {
        sha256('another text'); // so the remembered hash of `text` is not what answers
        assert.strictEqual(await sha256Sliced(text, pause, slice), want, `slice ${slice} of ${JSON.stringify(text.slice(0, 20))}`);
      }
      assert.strictEqual(sha256(text), want);
    }
    assert.ok(pauses > 0, 'the event loop is let turn between slices');
  });

  it('hashes each text for itself when texts of the same length follow one another (the last hash is remembered)', async () => {
    const a = '本报讯'.repeat(1000), b = '本报讯'.repeat(999) + '本报记', c = a.slice(0, 1500) + a.slice(1500);
    const want = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
    for (const t of [a, b, a, c, b, b]) assert.strictEqual(sha256(t), want(t));
    assert.strictEqual(await sha256Sliced(a, async () => {}, 7), want(a));
    assert.strictEqual(sha256(b), want(b));
    assert.strictEqual(await sha256Sliced(b, async () => {}, 7), want(b));
  });
});
