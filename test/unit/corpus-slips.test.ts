import * as assert from 'assert';
import { relearn } from '../../src/core/corpus/lexiconFile';
import { cutWord } from '../../src/core/corpus/slips';
import type { Annotation } from '../../src/core/types';

const TEXT = '各级干部的“辛苦”付出得到了群众认可。扎西顿珠在拉萨市城关区工作。';
const span = (word: string, over: Partial<Annotation> = {}): Annotation => {
  const start = TEXT.indexOf(word);
  return { id: word, start, end: start + word.length, text: word, label: 'ORG', source: 'manual', status: 'accepted', ...over };
};

describe('learning: a manual tag cutting a word jieba knows is a slip', () => {
  it('names the word a slip cuts, and nothing for tags on word boundaries', () => {
    assert.strictEqual(cutWord(TEXT, span('部的“辛')), '干部');
    assert.strictEqual(cutWord(TEXT, span('干部的“辛')), '辛苦');
    assert.strictEqual(cutWord(TEXT, span('干部')), undefined);
    assert.strictEqual(cutWord(TEXT, span('扎西顿珠')), undefined, 'a name jieba does not know is no slip');
  });

  it('a slip teaches nothing until confirmed, and removing the tag takes back what it taught', () => {
    const slip = span('部的“辛');
    const name = span('扎西顿珠', { label: 'PER' });
    const confirmed = new Set<string>();
    // What the editor's LexiconService does: a manual tag cutting a word is held back until confirmed.
    const teaches = (a: Annotation) => a.source !== 'manual' || cutWord(TEXT, a) === undefined || confirmed.has(a.id);
    const learned = relearn([], [], [slip, name], teaches);
    assert.deepStrictEqual(learned.map(e => e.word), ['扎西顿珠']);
    confirmed.add(slip.id);
    const withSlip = relearn([], [], [slip, name], teaches);
    assert.deepStrictEqual(withSlip.map(e => e.word).sort(), ['扎西顿珠', '部的“辛'].sort());
    // The tag removed (undo): the lexicon is back to nothing.
    assert.deepStrictEqual(relearn(withSlip, [slip, name], [], teaches), []);
  });
});
