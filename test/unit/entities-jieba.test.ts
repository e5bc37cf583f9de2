import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { referenceTag as tag, tokens, warmUp } from '../../src/core/jieba';
import { segmenterPath } from '../../src/core/native';

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

describe('the word segmenter (native/jieba.cc)', () => {
  it("cuts a whole newspaper page into exactly nodejieba's words and tags (its own dictionary loader builds the same trie)", () => {
    const dir = join(__dirname, '..', '..', '..', 'seeds');
    const page = readFileSync(join(dir, readdirSync(dir).find(f => f.endsWith('.txt'))!), 'utf8');
    assert.deepStrictEqual(tokens(page).map(t => `${t.word}/${t.tag}`), tag(page).map(t => `${t.word}/${t.tag}`));
  });

  const text = '甲𠀀乙\ud800丙 ab\r\n第二段。😀';

  it('puts every UTF-16 unit of the text in exactly one word, lone surrogates and astral characters included', () => {
    let at = 0;
    for (const t of tokens(text)) {
      assert.strictEqual(t.start, at, `gap before ${JSON.stringify(t.word)}`);
      assert.ok(t.end > t.start);
      at = t.end;
    }
    assert.strictEqual(at, text.length);
    assert.ok(tokens(text).some(t => t.word === '\ud800'), 'the lone surrogate is a word of its own, at its place');
  });

  it('gives nothing for an empty text', () => {
    assert.deepStrictEqual(tokens(''), []);
  });

  it('is shared by worker threads: a second thread finds it loaded and cuts the same words', async () => {
    warmUp();
    const want = tokens(text).map(t => [t.start, t.end]);
    // The thread never loads: its cut works only on the dictionaries this thread loaded (else it throws).
    const script = `
      const { parentPort, workerData } = require('worker_threads');
      const addon = require(workerData.addon);
      parentPort.postMessage(Array.from(addon.cut(workerData.text)));`;
    const got = await new Promise<number[]>((resolve, reject) => {
      const w = new Worker(script, { eval: true, workerData: { addon: segmenterPath(), text } });
      w.once('message', resolve);
      w.once('error', reject);
    });
    assert.deepStrictEqual(got, want.flat());
  });

  it('refuses other dictionaries once loaded, and a cut before any load, with an error instead of a crash', () => {
    const out = inFreshProcess(`
      console.log(JSON.stringify([
        tryIt(() => addon.cut('字')),
        tryIt(() => addon.load(...dicts)),
        tryIt(() => addon.load(dicts[2], dicts[1], dicts[2])),
        tryIt(() => addon.cut(42)),
        tryIt(() => addon.load('x')),
      ]));`);
    assert.deepStrictEqual(out, [
      'call load() or startLoad() before cut()', 'ok', 'the segmenter is already loaded with other dictionaries',
      'cut(text) takes a string', 'load(dictPath, hmmPath, userDictPath) takes three strings',
    ]);
  });

  it('startLoad builds the dictionaries in the background, and the first cut waits for them', () => {
    const out = inFreshProcess(`
      addon.startLoad(...dicts);
      const words = Array.from(addon.cut('新华社拉萨3月5日电'));
      console.log(JSON.stringify([tryIt(() => addon.startLoad(...dicts)), tryIt(() => addon.load(...dicts)), words]));`);
    const want = tokens('新华社拉萨3月5日电').flatMap(t => [t.start, t.end]);
    assert.deepStrictEqual(out, ['ok', 'ok', want]);
  });
});

/** Runs `body` in a new Node process with `addon` (not loaded yet), nodejieba's `dicts` and `tryIt`; returns what it printed, parsed. */
function inFreshProcess(body: string): unknown {
  const script = `
    const addon = require(${JSON.stringify(segmenterPath())});
    const nodejieba = require('nodejieba');
    const dicts = [nodejieba.DEFAULT_DICT, nodejieba.DEFAULT_HMM_DICT, nodejieba.DEFAULT_USER_DICT];
    const tryIt = f => { try { f(); return 'ok'; } catch (e) { return e.message; } };
    ${body}`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}
