import * as assert from 'assert';
import { tag, tokens } from '../../src/core/jieba';

/** Texts written for this test: Chinese news prose, ASCII and full-width digits and letters, a user-dictionary word, astral characters, CRLF. */
const texts: Array<[string, string]> = [
  ['news prose', '新华社拉萨3月5日电（记者扎西多吉）西藏自治区日喀则市今年投入资金12.5亿元，新建学校38所。'],
  ['digits and letters alone', 'GDP 8 12 1.52 3% ＡＢ１２ x9 iPhone 2025年'],
  ['user-dictionary words', '云计算和区块链企业在蓝翔落户。'],
  ['astral characters and CRLF', '𠀀𠀁字\r\n\r\n第二段 。'],
];

describe('entities: jieba words with offsets', () => {
  for (const [name, text] of texts) {
    it(`gives exactly nodejieba.tag's words and tags: ${name}`, () => {
      const got = tokens(text).map(t => `${t.word}/${t.tag}`);
      const want = tag(text).map(t => `${t.word}/${t.tag}`);
      assert.deepStrictEqual(got, want);
    });
    it(`gives offsets into the exact text: ${name}`, () => {
      let at = 0;
      for (const t of tokens(text, 100)) {
        assert.strictEqual(text.slice(t.start - 100, t.end - 100), t.word);
        assert.ok(t.start - 100 >= at);
        at = t.end - 100;
      }
    });
  }
});
