import { strict as assert } from 'assert';
import type { Annotation } from '../../src/core/types';
import { asWrapSetting, reviewCounts, reviewProgress, samplePageName, wrapToggleNeeded } from '../../src/extension/onboarding/rules';

const ann = (id: string, source: Annotation['source'], status: Annotation['status']): Annotation =>
  ({ id, start: 0, end: 1, text: 'x', label: 'PER', source, status });

describe('onboarding rules (walkthrough progress, word wrap, sample page)', () => {
  it('counts accepted suggestions apart from manual tags', () => {
    const list = [ann('a', 'auto', 'accepted'), ann('b', 'auto', 'suggested'), ann('c', 'manual', 'accepted'), ann('d', 'auto', 'rejected')];
    assert.deepEqual(reviewCounts(list), { accepted: 1, tagged: 1 });
  });

  it('sees progress only against a baseline, and only when a count grows', () => {
    assert.deepEqual(reviewProgress(undefined, { accepted: 5, tagged: 2 }), { accepted: false, tagged: false });
    assert.deepEqual(reviewProgress({ accepted: 1, tagged: 0 }, { accepted: 2, tagged: 0 }), { accepted: true, tagged: false });
    assert.deepEqual(reviewProgress({ accepted: 1, tagged: 0 }, { accepted: 1, tagged: 1 }), { accepted: false, tagged: true });
    assert.deepEqual(reviewProgress({ accepted: 3, tagged: 3 }, { accepted: 2, tagged: 3 }), { accepted: false, tagged: false });
  });

  it('toggles word wrap on only where the editor does not wrap, and only ever undoes its own toggle', () => {
    assert.equal(wrapToggleNeeded('on', 'off', false), true);
    assert.equal(wrapToggleNeeded('on', undefined, false), true);
    assert.equal(wrapToggleNeeded('on', 'on', false), false);
    assert.equal(wrapToggleNeeded('on', 'bounded', false), false);
    assert.equal(wrapToggleNeeded('on', 'off', true), false);
    assert.equal(wrapToggleNeeded('off', 'off', true), true);
    assert.equal(wrapToggleNeeded('off', 'on', false), false);
    assert.equal(asWrapSetting('off'), 'off');
    assert.equal(asWrapSetting(42), 'on');
  });

  it('picks the first .txt page by name as the sample', () => {
    assert.equal(samplePageName(['b.txt', 'a.TXT', 'a.txt.biaozhu.json', 'README.md']), 'a.TXT');
    assert.equal(samplePageName(['notes.md']), undefined);
  });
});
