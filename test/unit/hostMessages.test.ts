import * as assert from 'assert';
import { checkPanelMessage, type MessageContext } from '../../src/extension/panel/validate';

const pageA = { uri: 'file:///w/a.txt', version: 3 };
const pageB = { uri: 'file:///w/b.txt', version: 3 };
const ctx: MessageContext = {
  labels: new Set(['PER', 'LOC']), page: pageA, ids: new Set(['a', 'b']), relationIds: new Set(['rel-a-b']), articleIds: new Set(['art-1']), length: 100,
};
const page = pageA;

describe('panel messages checked by the host', () => {
  const accepted: Array<[string, unknown, MessageContext?]> = [
    ['ready', { type: 'ready' }],
    ['reveal in range', { type: 'reveal', page, start: 0, end: 100 }],
    ['setStatus of known ids', { type: 'setStatus', page, ids: ['a', 'b'], status: 'rejected' }],
    ['setStatus from an older version (ids do not depend on it)', { type: 'setStatus', page: { ...page, version: 2 }, ids: ['a'], status: 'accepted' }],
    ['relabel to a known label', { type: 'relabel', page, ids: ['a'], label: 'LOC' }],
    ['remove known ids', { type: 'remove', page, ids: ['b'] }],
    ['reattach a known orphan', { type: 'reattach', page, id: 'a' }],
    ['tagSelection with a known label', { type: 'tagSelection', page, label: 'PER' }],
    ['addLabel with a valid definition', { type: 'addLabel', label: { id: 'EVENT', name: 'Event', color: '#aa3300', key: '6' } }],
    ['analyze', { type: 'analyze', page }],
    ['export', { type: 'export', page }],
    ['workspaceStats', { type: 'workspaceStats' }],
    ['exportStats', { type: 'exportStats' }],
    ['setRelationStatus of a known relation', { type: 'setRelationStatus', page, ids: ['rel-a-b'], status: 'rejected' }],
    ['removeRelations of a known relation', { type: 'removeRelations', page, ids: ['rel-a-b'] }],
    ['undo', { type: 'undo', page }],
    ['redo from an older version (history does not depend on offsets)', { type: 'redo', page: { ...page, version: 1 } }],
    ['setArticleLabels of a known article', { type: 'setArticleLabels', page, articleId: 'art-1' }],
    ['openGuidelines of a known label', { type: 'openGuidelines', label: 'PER' }],
    ['openGuidelines of a label only the guidelines name', { type: 'openGuidelines', label: 'EVENT' }, { ...ctx, guidelineLabels: new Set(['EVENT']) }],
  ];
  for (const [name, raw, c] of accepted) {
    it(`accepts ${name}`, () => assert.strictEqual(checkPanelMessage(raw, c ?? ctx).ok, true));
  }

  const refused: Array<[string, unknown, MessageContext?]> = [
    ['a non-object', 'ready'],
    ['an unknown type', { type: 'runScript', code: 'x' }],
    ['reveal past the end', { type: 'reveal', page, start: 90, end: 101 }],
    ['reveal backwards', { type: 'reveal', page, start: 5, end: 4 }],
    ['reveal with non-integer offsets', { type: 'reveal', page, start: 0.5, end: 2 }],
    ['reveal without a document', { type: 'reveal', page, start: 0, end: 0 }, { ...ctx, page: undefined }],
    ['reveal from an older version of the page', { type: 'reveal', page: { ...page, version: 2 }, start: 0, end: 1 }],
    ['setStatus of an unknown id', { type: 'setStatus', page, ids: ['a', 'zzz'], status: 'accepted' }],
    ['setStatus naming a relation id', { type: 'setStatus', page, ids: ['rel-a-b'], status: 'accepted' }],
    ['setRelationStatus naming an annotation id', { type: 'setRelationStatus', page, ids: ['a'], status: 'accepted' }],
    ['setRelationStatus with a bad status', { type: 'setRelationStatus', page, ids: ['rel-a-b'], status: 'deleted' }],
    ['removeRelations with no ids', { type: 'removeRelations', page, ids: [] }],
    ['removeRelations for another page', { type: 'removeRelations', page: pageB, ids: ['rel-a-b'] }],
    ['undo without naming its page', { type: 'undo' }],
    ['undo for another page', { type: 'undo', page: pageB }],
    ['setArticleLabels of an unknown article', { type: 'setArticleLabels', page, articleId: 'art-9' }],
    ['setArticleLabels without an article id', { type: 'setArticleLabels', page }],
    ['setStatus with a bad status', { type: 'setStatus', page, ids: ['a'], status: 'deleted' }],
    ['setStatus with no ids', { type: 'setStatus', page, ids: [], status: 'accepted' }],
    ['setStatus without naming its page', { type: 'setStatus', ids: ['a'], status: 'accepted' }],
    ['setStatus naming another page whose ids match', { type: 'setStatus', page: pageB, ids: ['a'], status: 'rejected' }],
    ['remove naming another page', { type: 'remove', page: pageB, ids: ['a'] }],
    ['reattach an unknown id', { type: 'reattach', page, id: 'zzz' }],
    ['reattach without an id', { type: 'reattach', page, ids: ['a'] }],
    ['reattach naming another page', { type: 'reattach', page: pageB, id: 'a' }],
    ['relabel naming another page', { type: 'relabel', page: pageB, ids: ['a'], label: 'LOC' }],
    ['tagSelection naming another page', { type: 'tagSelection', page: pageB, label: 'PER' }],
    ['analyze naming another page', { type: 'analyze', page: pageB }],
    ['export with a malformed page', { type: 'export', page: { uri: 7, version: 'x' } }],
    ['relabel to an unknown label', { type: 'relabel', page, ids: ['a'], label: 'ORG' }],
    ['remove with ids that are not strings', { type: 'remove', page, ids: [1] }],
    ['tagSelection with an unknown label', { type: 'tagSelection', page, label: '<img src=x>' }],
    ['addLabel with a bad id', { type: 'addLabel', label: { id: '1abc', name: 'x', color: '#fff' } }],
    ['addLabel with a bad colour', { type: 'addLabel', label: { id: 'X', name: 'x', color: 'red; background:url(x)' } }],
    ['openGuidelines of an unknown label', { type: 'openGuidelines', label: 'EVENT' }],
    ['openGuidelines with markup for a label', { type: 'openGuidelines', label: '<img src=x onerror=alert(1)>' }],
    ['openGuidelines without a label', { type: 'openGuidelines' }],
    ['addLabel with a prototype key', JSON.parse('{"type":"addLabel","label":{"__proto__":{"id":"X"},"name":"x","color":"#fff"}}')],
  ];
  for (const [name, raw, c] of refused) {
    it(`refuses ${name}`, () => assert.strictEqual(checkPanelMessage(raw, c ?? ctx).ok, false));
  }

  it('says why a message for another page is refused', () => {
    const r = checkPanelMessage({ type: 'setStatus', page: pageB, ids: ['a'], status: 'rejected' }, ctx);
    assert.deepStrictEqual(r, { ok: false, reason: 'setStatus: the message is for another page than the one shown' });
  });

  it('returns a clean copy without extra fields', () => {
    const r = checkPanelMessage({ type: 'setStatus', page: { ...page, extra: 1 }, ids: ['a', 'a'], status: 'accepted', extra: 1 }, ctx);
    assert.deepStrictEqual(r, { ok: true, message: { type: 'setStatus', page, ids: ['a'], status: 'accepted' } });
  });
});
