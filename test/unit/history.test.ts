import * as assert from 'assert';
import * as fc from 'fast-check';
import * as act from '../../src/core/actions';
import { emptyHistory, record, redo, trackHistory, undo, type History } from '../../src/core/history';
import { canonical, formatDescription, type PageState } from '../../src/core/pageChange';
import type { Annotation } from '../../src/core/types';

const text = '东湖区人民法院院长王大明和蓝湾公司董事长李小华出席，共有120人参加。';
const span = (s: string, from = 0) => { const start = text.indexOf(s, from); return { start, end: start + s.length }; };
const sug = (s: string, label: string): Annotation => ({ id: `${label.toLowerCase()}-${span(s).start}-${span(s).end}`, ...span(s), text: s, label, source: 'auto', status: 'suggested' });

const start: PageState = canonical({
  annotations: [sug('东湖区人民法院', 'ORG'), sug('王大明', 'PER'), sug('蓝湾公司', 'ORG'), sug('李小华', 'PER'), sug('120人', 'NUMBER')],
  relations: [],
  articles: [{ id: 'article-1', start: 0, end: text.length, title: '标题', titleLines: ['标题'] }],
  labels: [],
});
const id = (s: string) => start.annotations.find(a => a.text === s)!.id;

/** Runs actions in order, recording each; returns every state and the history. */
function run(steps: Array<(s: PageState) => act.ActionResult>): { states: PageState[]; history: History; said: string[] } {
  const states = [start];
  let history = emptyHistory;
  const said: string[] = [];
  for (const step of steps) {
    const r = step(states[states.length - 1]);
    states.push(r.state);
    history = record(history, r.change);
    said.push(formatDescription(r.change.description));
  }
  return { states, history, said };
}

describe('annotation actions and the undo history', () => {
  const steps: Array<(s: PageState) => act.ActionResult> = [
    s => act.accept(s, new Set([id('王大明'), id('东湖区人民法院')])),
    s => act.tag(s, [span('东湖区')], text, 'LOC'),
    s => act.link(s, id('王大明'), id('东湖区人民法院'), '任职'),
    s => act.link(s, 'loc-0-3', id('东湖区人民法院'), '位于'),
    s => act.relabelItems(s, new Set([id('蓝湾公司')]), 'LOC'),
    s => act.reject(s, new Set([id('李小华')])),
    s => act.adjust(s, id('120人'), span('120'), text),
    s => act.remove(s, new Set([id('东湖区人民法院')])),
    s => act.acceptAll(s),
    s => act.labelArticle(s, 'article-1', ['时政']),
    s => act.labelPage(s, ['要闻']),
    s => act.importItems(s, [{ id: 'i1', start: 13, end: 15, text: text.slice(13, 15), label: 'ORG', source: 'manual', status: 'accepted' }], [], 'x.ann'),
  ];

  it('each action says what it did', () => {
    assert.deepStrictEqual(run(steps).said, [
      'Accept 2 annotations',
      'Tag 「东湖区」 as LOC',
      'Link 「王大明」 任职 「东湖区人民法院」',
      'Link 「东湖区」 位于 「东湖区人民法院」',
      'Relabel 「蓝湾公司」 (ORG) as LOC',
      'Reject 「李小华」 (PER)',
      'Adjust 「120人」 to 「120」',
      'Remove 「东湖区人民法院」 (ORG) and its 2 relations',
      'Accept all: 1 suggestions',
      'Set labels of article 「标题」: 时政',
      'Set page labels: 要闻',
      'Import 1 annotations from x.ann',
    ]);
  });

  it('removing an annotation removes its relations; undo brings them back', () => {
    const { states, history } = run(steps.slice(0, 8));
    assert.strictEqual(states[7].relations.length, 2);
    assert.strictEqual(states[8].relations.length, 0);
    const back = undo(history, states[8])!;
    assert.deepStrictEqual(back.state, states[7]);
  });

  it('undo walks back to the start through every state, redo forward again', () => {
    const { states, history } = run(steps);
    let h = history;
    let s = states[states.length - 1];
    for (let i = states.length - 2; i >= 0; i--) {
      const step = undo(h, s)!;
      h = step.history; s = step.state;
      assert.deepStrictEqual(s, states[i], `after undoing step ${i + 1}`);
    }
    assert.strictEqual(undo(h, s), undefined);
    for (let i = 1; i < states.length; i++) {
      const step = redo(h, s)!;
      h = step.history; s = step.state;
      assert.deepStrictEqual(s, states[i], `after redoing step ${i}`);
    }
    assert.strictEqual(redo(h, s), undefined);
  });

  it('a new action clears redo; no-op actions are not recorded', () => {
    const { states, history } = run(steps.slice(0, 2));
    const u = undo(history, states[2])!;
    const r = act.reject(u.state, new Set([id('李小华')]));
    const h = record(u.history, r.change);
    assert.deepStrictEqual([h.undo.length, h.redo.length], [2, 0]);
    assert.strictEqual(record(h, act.accept(r.state, new Set(['nothing'])).change), h);
  });

  it('the adjusted span keeps its id and relations; link refuses unknown ends', () => {
    const { states } = run(steps.slice(0, 4));
    const moved = act.adjust(states[4], 'loc-0-3', { start: 0, end: 2 }, text).state;
    assert.deepStrictEqual(moved.relations, states[4].relations);
    assert.strictEqual(moved.annotations.find(a => a.id === 'loc-0-3')!.text, '东湖');
    assert.throws(() => act.link(states[4], 'loc-0-3', 'missing', '位于'), /no annotation missing/);
  });

  it('importItems maps relation ends to the ids the import gave, and counts relations it cannot place', () => {
    const existing = { ...start, annotations: [...start.annotations, { id: 'i1', start: 40, end: 41, text: text[40], label: 'LOC', source: 'manual', status: 'accepted' } as Annotation] };
    const imported: Annotation[] = [
      { id: 'i1', start: 0, end: 3, text: '东湖区', label: 'LOC', source: 'manual', status: 'accepted' },
      { id: 'i2', start: 7, end: 9, text: '院长', label: 'PER', source: 'manual', status: 'accepted' },
    ];
    const r = act.importItems(canonical(existing), imported, [
      { id: 'r', from: 'i2', to: 'i1', label: '任职', source: 'manual', status: 'accepted' },
      { id: 'r2', from: 'i2', to: 'zz', label: '任职', source: 'manual', status: 'accepted' },
    ]);
    assert.deepStrictEqual(r.state.relations.map(x => [x.from, x.to]), [['i2', 'i1.2']]);
    assert.deepStrictEqual([r.added, r.conflicts, r.relationsLeftOut], [2, 0, 1]);
  });

  it('text edits move the spans the history holds; a change whose span an edit destroyed is forgotten with older ones', () => {
    const { history } = run(steps.slice(0, 3));
    // Insert two characters at the very start: every span moves by 2, texts stay.
    const edited = '新闻' + text;
    const moved = trackHistory(history, [{ start: 0, end: 0, text: '新闻' }], edited);
    assert.strictEqual(moved.undo.length, 3);
    assert.deepStrictEqual(moved.undo[1].annotations.added.map(a => [a.start, a.end, a.text]), [[2, 5, '东湖区']]);
    // Deleting 王大明 destroys a span step 1 (its accept) holds: step 1 is forgotten, steps 2 and 3 stay.
    const cut = trackHistory(history, [{ start: 9, end: 12, text: '' }], text.slice(0, 9) + text.slice(12));
    assert.strictEqual(cut.undo.length, 2);
  });

  it('property: any sequence of actions undoes back to the start and redoes to the end', () => {
    const pick = fc.constantFrom(...start.annotations.map(a => a.id));
    const action = fc.oneof(
      pick.map(i => (s: PageState) => act.accept(s, new Set([i]))),
      pick.map(i => (s: PageState) => act.reject(s, new Set([i]))),
      pick.map(i => (s: PageState) => act.remove(s, new Set([i]))),
      fc.tuple(pick, fc.constantFrom('ORG', 'LOC')).map(([i, l]) => (s: PageState) => act.relabelItems(s, new Set([i]), l)),
      fc.tuple(pick, pick).map(([a, b]) => (s: PageState) => {
        if (!s.annotations.some(x => x.id === a) || !s.annotations.some(x => x.id === b) || a === b || s.relations.some(r => r.from === a && r.to === b)) return act.acceptAll(s);
        return act.link(s, a, b, '任职');
      }),
      fc.tuple(fc.nat(text.length - 2), fc.integer({ min: 1, max: 4 })).map(([p, n]) => (s: PageState) => act.tag(s, [{ start: p, end: Math.min(text.length, p + n) }], text, 'LOC')),
    );
    fc.assert(fc.property(fc.array(action, { maxLength: 12 }), list => {
      const { states, history } = run(list);
      let h = history; let s = states[states.length - 1];
      for (let u = undo(h, s); u; u = undo(h, s)) { h = u.history; s = u.state; }
      assert.deepStrictEqual(s, states[0]);
      for (let r = redo(h, s); r; r = redo(h, s)) { h = r.history; s = r.state; }
      assert.deepStrictEqual(s, states[states.length - 1]);
    }), { numRuns: 200 });
  });
});
