import * as assert from 'assert';
import { learn, relearn, parseLexicon, serializeLexicon, toLexiconEntries, type LexiconItem } from '../../src/core/corpus/lexiconFile';
import type { Annotation, Source, Status } from '../../src/core/types';

let n = 0;
function ann(text: string, label: string, source: Source, status: Status): Annotation {
  n++;
  return { id: `x${n}`, start: n * 10, end: n * 10 + text.length, text, label, source, status };
}
const TAGS: Record<string, string> = { PER: 'nr', LOC: 'ns', ORG: 'nt' };
const item = (word: string, freq: number, label: string, reject = false, tag = reject ? 'x' : 'nr'): LexiconItem => ({ word, freq, tag, label, reject });

describe('workspace lexicon file', () => {
  it('parses entries and rejections, skipping comments and blank lines', () => {
    const { lexicon, problems } = parseLexicon('# header\n\n扎西顿珠 3 nr PER\r\n中心 2 x !ORG\n');
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(lexicon, [item('中心', 2, 'ORG', true), item('扎西顿珠', 3, 'PER')]);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['too few fields', '扎西 PER', /expected "word freq tag LABEL"/],
    ['too many fields', '扎西 1 nr PER extra', /found 5 field/],
    ['a non-numeric frequency', '扎西 many nr PER', /frequency "many"/],
    ['a zero frequency', '扎西 0 nr PER', /frequency "0"/],
    ['a tag with digits', '扎西 1 n1 PER', /tag "n1"/],
    ['a malformed label', '扎西 1 nr !!', /label "!!"/],
  ];
  for (const [name, line, message] of bad) {
    it(`reports ${name} with its line number and keeps the good lines`, () => {
      const { lexicon, problems } = parseLexicon(`# c\n格桑 1 nr PER\n${line}\n次仁 2 nr PER\n`);
      assert.deepStrictEqual(lexicon.map(e => e.word), ['格桑', '次仁']);
      assert.strictEqual(problems.length, 1);
      assert.strictEqual(problems[0].line, 3);
      assert.match(problems[0].message, message);
    });
  }

  it('reports a duplicate word and label, naming the first line', () => {
    const { lexicon, problems } = parseLexicon('格桑 1 nr PER\n格桑 5 nr PER\n格桑 1 ns LOC\n');
    assert.deepStrictEqual(lexicon.map(e => [e.label, e.freq]), [['LOC', 1], ['PER', 1]]);
    assert.deepStrictEqual(problems.map(p => p.line), [2]);
    assert.match(problems[0].message, /line 1/);
  });

  it('serialises sorted and round-trips, so equal lexicons give identical files', () => {
    const items = [item('扎西', 2, 'PER'), item('中心', 1, 'ORG', true), item('拉萨', 4, 'LOC', false, 'ns')];
    const text = serializeLexicon(items);
    assert.strictEqual(text, serializeLexicon([...items].reverse()));
    assert.deepStrictEqual(text.split('\n').filter(l => l && !l.startsWith('#')), ['中心 1 x !ORG', '扎西 2 nr PER', '拉萨 4 ns LOC']);
    assert.deepStrictEqual(parseLexicon(text), { lexicon: parseLexicon(text).lexicon, problems: [] });
    assert.deepStrictEqual(parseLexicon(text).lexicon, [...items].sort((a, b) => (a.word < b.word ? -1 : 1)));
  });
});

describe('learning from annotations', () => {
  const cases: Array<[string, LexiconItem[], Annotation[], Array<[string, string, number, boolean]>]> = [
    ['an accepted suggestion adds a word with its jieba tag', [], [ann('格桑花', 'ORG', 'auto', 'accepted')], [['格桑花', 'ORG', 1, false]]],
    ['a manual annotation adds a word', [], [ann('次仁旺堆', 'PER', 'manual', 'accepted')], [['次仁旺堆', 'PER', 1, false]]],
    ['a rejected suggestion adds a rejection', [], [ann('中心', 'ORG', 'auto', 'rejected')], [['中心', 'ORG', 1, true]]],
    ['an unreviewed suggestion teaches nothing', [], [ann('拉萨', 'LOC', 'auto', 'suggested')], []],
    ['numbers are not learned', [], [ann('三千人', 'NUMBER', 'manual', 'accepted')], []],
    ['a one-character word is kept (not forced, see below)', [], [ann('藏', 'LOC', 'manual', 'accepted')], [['藏', 'LOC', 1, false]]],
    ['a one-character false positive is still rejected', [], [ann('藏', 'LOC', 'auto', 'rejected')], [['藏', 'LOC', 1, true]]],
    ['repeated confirmations strengthen an entry', [item('扎西', 2, 'PER')], [ann('扎西', 'PER', 'auto', 'accepted'), ann('扎西', 'PER', 'manual', 'suggested')], [['扎西', 'PER', 4, false]]],
    ['accepted and rejected equally often drops the word', [], [ann('中心', 'ORG', 'auto', 'accepted'), ann('中心', 'ORG', 'auto', 'rejected')], []],
    ['the majority over everything learned wins', [item('中心', 1, 'ORG', true)], [ann('中心', 'ORG', 'auto', 'accepted'), ann('中心', 'ORG', 'manual', 'accepted')], [['中心', 'ORG', 1, false]]],
    ['rejections outvote an earlier confirmation', [item('扎西', 1, 'PER')], [ann('扎西', 'PER', 'auto', 'rejected'), ann('扎西', 'PER', 'auto', 'rejected')], [['扎西', 'PER', 1, true]]],
    ['other labels of the same word are kept apart', [item('扎西', 1, 'PER')], [ann('扎西', 'LOC', 'auto', 'rejected')], [['扎西', 'LOC', 1, true], ['扎西', 'PER', 1, false]]],
  ];
  for (const [name, before, annotations, expected] of cases) {
    it(name, () => {
      const after = learn(before, annotations);
      assert.deepStrictEqual(after.map(e => [e.word, e.label, e.freq, e.reject]), expected);
      for (const e of after) assert.strictEqual(e.tag, e.reject ? 'x' : TAGS[e.label]);
    });
  }

  it('converts to analyser entries: every rejection, and one label per confirmed word (the most confirmed)', () => {
    const entries = toLexiconEntries([item('扎西', 1, 'LOC'), item('扎西', 3, 'PER'), item('中心', 2, 'ORG', true), item('拉萨', 1, 'LOC'), item('藏', 5, 'LOC')]);
    assert.deepStrictEqual(entries, [
      { word: '中心', label: 'ORG', reject: true },
      { word: '扎西', label: 'PER' },
      { word: '拉萨', label: 'LOC' },
    ]);
  });

  it('treats a rejected suggestion inside a longer confirmed mention of its label as a boundary fix, not a verdict', () => {
    const chain: Annotation = { id: 'c', start: 0, end: 6, text: '达孜区帮扎乡', label: 'LOC', source: 'manual', status: 'accepted' };
    const part: Annotation = { id: 'p', start: 3, end: 6, text: '帮扎乡', label: 'LOC', source: 'auto', status: 'rejected' };
    const otherLabel: Annotation = { ...part, id: 'q', label: 'PER' };
    const after = learn([], [chain, part, otherLabel]);
    assert.deepStrictEqual(after.map(e => [e.word, e.label, e.reject]), [['帮扎乡', 'PER', true], ['达孜区帮扎乡', 'LOC', false]]);
  });

  const suggestion = ann('中心', 'ORG', 'auto', 'suggested');
  const accepted = { ...suggestion, status: 'accepted' as const };
  const rejected = { ...suggestion, status: 'rejected' as const };
  const manual = ann('扎西', 'PER', 'manual', 'accepted');
  const states: Array<[string, Annotation[][], Array<[string, number, boolean]>]> = [
    ['accepting a suggestion confirms it', [[suggestion], [accepted]], [['中心', 1, false]]],
    ['accepting then rejecting leaves one rejection', [[suggestion], [accepted], [rejected]], [['中心', 1, true]]],
    ['undoing a rejection takes it back', [[suggestion], [rejected], [suggestion]], []],
    ['deleting a manual tag takes its vote back', [[], [manual], []], []],
    ['learning the same state twice changes nothing', [[], [accepted, manual], [accepted, manual]], [['中心', 1, false], ['扎西', 1, false]]],
  ];
  for (const [name, steps, expected] of states) {
    it(`follows the review state of a page: ${name}`, () => {
      let lex: LexiconItem[] = [];
      for (let i = 1; i < steps.length; i++) lex = relearn(lex, steps[i - 1], steps[i]);
      assert.deepStrictEqual(lex.map(e => [e.word, e.freq, e.reject]), expected);
    });
  }
});
