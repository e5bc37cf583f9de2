import * as assert from 'assert';
import fc from 'fast-check';
import { anchorQuote, createReanchorer, quoteAt, reanchor, reanchorByText } from '../../src/core/anchor';

describe('re-anchoring by quote', () => {
  const old = '日喀则市召开会议。县里的学校有300名学生，学校很大。';
  const school = { start: old.indexOf('学校'), end: old.indexOf('学校') + 2 };
  const second = { start: old.lastIndexOf('学校'), end: old.lastIndexOf('学校') + 2 };

  const cases: Array<[string, string, { start: number; end: number }, string | undefined]> = [
    ['keeps a span when the text is unchanged', old, school, '学校'],
    ['shifts a span after an insertion before it', '标题\n' + old, school, '学校'],
    ['keeps a span before a deletion after it', old.replace('，学校很大', ''), school, '学校'],
    ['finds the right one of two equal quotes by its context', '新：' + old, second, '学校'],
    ['follows a span whose surroundings were edited on one side', old.replace('县里的', '镇上的'), school, '学校'],
    ['orphans a span whose text was deleted', old.replace('300名', ''), { start: old.indexOf('300名'), end: old.indexOf('300名') + 4 }, undefined],
  ];
  for (const [name, changed, span, expected] of cases) {
    it(name, () => {
      const moved = createReanchorer(old, changed)(span);
      if (expected === undefined) { assert.strictEqual(moved, undefined); return; }
      assert.ok(moved, 'not found');
      assert.strictEqual(changed.slice(moved.start, moved.end), expected);
      // The context on the untouched side still agrees: it is the same occurrence.
      const q = quoteAt(old, span, 3);
      const sameSide = changed.slice(moved.end, moved.end + 3) === q.suffix || changed.slice(moved.start - 3, moved.start) === q.prefix;
      assert.ok(sameSide, `moved to ${moved.start}-${moved.end}`);
    });
  }

  it('refuses to guess between equal quotes when no context agrees', () => {
    assert.strictEqual(anchorQuote('甲乙丙 学校 丁 学校 戊', { exact: '学校', prefix: 'xyz', suffix: 'uvw' }), undefined);
  });

  it('takes the occurrence nearest the hint when no context was given', () => {
    const text = '学校 学校 学校';
    assert.deepStrictEqual(anchorQuote(text, { exact: '学校', prefix: '', suffix: '' }, 4), { start: 3, end: 5 });
  });

  it('anchors quotes with characters outside the BMP and CRLF', () => {
    const a = '𠀀你好\r\n😀北京\r\n';
    const b = '前言\r\n' + a;
    const span = { start: a.indexOf('😀北京'), end: a.indexOf('😀北京') + 4 };
    const moved = createReanchorer(a, b)(span)!;
    assert.strictEqual(b.slice(moved.start, moved.end), '😀北京');
  });

  it('keeps what it cannot find as orphaned, never drops it', () => {
    const items = [
      { start: 0, end: 2, text: '北京', label: 'LOC' },
      { start: 3, end: 5, text: '上海', label: 'LOC' },
    ];
    const r = reanchor('北京 上海', '上海 北京', items.concat([{ start: 9, end: 12, text: '不存在', label: 'LOC' }]));
    assert.deepStrictEqual(r.anchored.map(a => [a.text, a.start]), [['北京', 3], ['上海', 0]]);
    assert.deepStrictEqual(r.orphaned.map(a => a.text), ['不存在']);
  });

  it('moves every span to a place holding its own text after random unrelated edits', () => {
    // Edits insert characters (x, y, newline) the spans never contain, so each quote still exists.
    const base = fc.array(fc.constantFrom('中', '国', '人', '民', '𠀀', '😀', '。', '1'), { minLength: 1, maxLength: 60 }).map(a => a.join(''));
    fc.assert(fc.property(base, fc.array(fc.tuple(fc.nat(), fc.constantFrom('x', 'yy', '\r\n')), { maxLength: 6 }), fc.nat(), fc.nat(), (text, inserts, p, q) => {
      const chars = Array.from(text);
      const i = p % chars.length;
      const j = i + 1 + (q % (chars.length - i));
      const start = chars.slice(0, i).join('').length;
      const end = chars.slice(0, j).join('').length;
      let changed = text;
      for (const [at, s] of inserts) {
        const cut = Array.from(changed);
        const k = at % (cut.length + 1);
        changed = cut.slice(0, k).join('') + s + cut.slice(k).join('');
      }
      const moved = createReanchorer(text, changed)({ start, end });
      const exact = text.slice(start, end);
      // An insertion may land inside the span's old text: then it may be orphaned, but never misplaced.
      if (moved) assert.strictEqual(changed.slice(moved.start, moved.end), exact);
      if (inserts.length === 0) assert.deepStrictEqual(moved, { start, end });
    }), { numRuns: 300 });
  });

  it('without the old text, follows the shift of the items before (a sidecar whose page gained a headline)', () => {
    const page = '北京 上海 北京 上海';
    const items = [0, 3, 6, 9].map(start => ({ start, end: start + 2, text: page.slice(start, start + 2) }));
    const changed = '新标题：北京 上海 北京 上海';
    const r = reanchorByText(changed, items);
    assert.deepStrictEqual(r.anchored.map(a => a.start), [4, 7, 10, 13]);
    assert.deepStrictEqual(reanchorByText('北京', [{ start: 5, end: 7, text: '广州' }]).orphaned.length, 1);
  });
});
