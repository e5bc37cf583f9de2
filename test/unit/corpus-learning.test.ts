import * as assert from 'assert';
import { measureLearning, review, PAGE_1, PAGE_2, GOLD_1 } from '../../bench/learning';
import { analyze } from '../../src/core/analyze';
import { learn, parseLexicon, serializeLexicon, toLexiconEntries } from '../../src/core/corpus/lexiconFile';

describe('learning from the annotator (two composed pages)', () => {
  const f = measureLearning();

  it('needs fewer manual tags on the second page after learning from the first', () => {
    assert.ok(f.without.manualTags > 0, 'the analyser alone misses some mentions');
    assert.ok(f.withLexicon.manualTags < f.without.manualTags, JSON.stringify(f));
  });

  it('finds more mentions of the learned words automatically', () => {
    assert.ok(f.withLexicon.learnedFound > f.without.learnedFound, JSON.stringify(f));
  });

  it('suggests every mention of a learned word', () => {
    assert.strictEqual(f.withLexicon.learnedFound, f.learnedMentions);
  });

  it('stops suggesting the false positives rejected on the first page', () => {
    assert.strictEqual(f.withLexicon.rejectedAgain, 0);
    assert.ok(f.withLexicon.falsePositives <= f.without.falsePositives, JSON.stringify(f));
  });

  it('never suggests a rejected word and label again, wherever it occurs', () => {
    const suggested = analyze(PAGE_2, { numbers: false }).annotations;
    assert.ok(suggested.length > 0);
    for (const victim of suggested) {
      const lexicon = learn([], [{ ...victim, status: 'rejected' }]);
      const again = analyze(PAGE_2, { numbers: false, lexicon: toLexiconEntries(lexicon) }).annotations;
      assert.ok(!again.some(a => a.text === victim.text && a.label === victim.label), `${victim.label} ${victim.text}`);
    }
  });

  it('learns the same through the lexicon file as in memory', () => {
    const lexicon = learn([], review(PAGE_1, GOLD_1));
    const reread = parseLexicon(serializeLexicon(lexicon));
    assert.deepStrictEqual(reread.problems, []);
    const fromFile = analyze(PAGE_1, { lexicon: toLexiconEntries(reread.lexicon) }).annotations;
    const inMemory = analyze(PAGE_1, { lexicon: toLexiconEntries(lexicon) }).annotations;
    assert.deepStrictEqual(fromFile, inMemory);
  });
});
