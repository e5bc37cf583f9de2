import * as assert from 'assert';
import { checkPanelMessage, type MessageContext } from '../../src/extension/panel/validate';

const ctx: MessageContext = { labels: new Set(['PER', 'LOC']), ids: new Set(['a', 'b']), length: 100 };

describe('panel messages checked by the host', () => {
  const accepted: Array<[string, unknown]> = [
    ['ready', { type: 'ready' }],
    ['reveal in range', { type: 'reveal', start: 0, end: 100 }],
    ['setStatus of known ids', { type: 'setStatus', ids: ['a', 'b'], status: 'rejected' }],
    ['relabel to a known label', { type: 'relabel', ids: ['a'], label: 'LOC' }],
    ['remove known ids', { type: 'remove', ids: ['b'] }],
    ['reattach a known orphan', { type: 'reattach', id: 'a' }],
    ['tagSelection with a known label', { type: 'tagSelection', label: 'PER' }],
    ['addLabel with a valid definition', { type: 'addLabel', label: { id: 'EVENT', name: 'Event', color: '#aa3300', key: '6' } }],
    ['analyze', { type: 'analyze' }],
    ['export', { type: 'export' }],
    ['workspaceStats', { type: 'workspaceStats' }],
    ['exportStats', { type: 'exportStats' }],
  ];
  for (const [name, raw] of accepted) {
    it(`accepts ${name}`, () => assert.strictEqual(checkPanelMessage(raw, ctx).ok, true));
  }

  const refused: Array<[string, unknown, MessageContext?]> = [
    ['a non-object', 'ready'],
    ['an unknown type', { type: 'runScript', code: 'x' }],
    ['reveal past the end', { type: 'reveal', start: 90, end: 101 }],
    ['reveal backwards', { type: 'reveal', start: 5, end: 4 }],
    ['reveal with non-integer offsets', { type: 'reveal', start: 0.5, end: 2 }],
    ['reveal without a document', { type: 'reveal', start: 0, end: 0 }, { ...ctx, length: undefined }],
    ['setStatus of an unknown id', { type: 'setStatus', ids: ['a', 'zzz'], status: 'accepted' }],
    ['setStatus with a bad status', { type: 'setStatus', ids: ['a'], status: 'deleted' }],
    ['setStatus with no ids', { type: 'setStatus', ids: [], status: 'accepted' }],
    ['relabel to an unknown label', { type: 'relabel', ids: ['a'], label: 'ORG' }],
    ['remove with ids that are not strings', { type: 'remove', ids: [1] }],
    ['reattach an unknown id', { type: 'reattach', id: 'zzz' }],
    ['reattach without an id', { type: 'reattach', ids: ['a'] }],
    ['tagSelection with an unknown label', { type: 'tagSelection', label: '<img src=x>' }],
    ['addLabel with a bad id', { type: 'addLabel', label: { id: '1abc', name: 'x', color: '#fff' } }],
    ['addLabel with a bad colour', { type: 'addLabel', label: { id: 'X', name: 'x', color: 'red; background:url(x)' } }],
    ['addLabel with a prototype key', JSON.parse('{"type":"addLabel","label":{"__proto__":{"id":"X"},"name":"x","color":"#fff"}}')],
  ];
  for (const [name, raw, c] of refused) {
    it(`refuses ${name}`, () => assert.strictEqual(checkPanelMessage(raw, c ?? ctx).ok, false));
  }

  it('returns a clean copy without extra fields', () => {
    const r = checkPanelMessage({ type: 'setStatus', ids: ['a', 'a'], status: 'accepted', extra: 1 }, ctx);
    assert.deepStrictEqual(r, { ok: true, message: { type: 'setStatus', ids: ['a'], status: 'accepted' } });
  });
});
