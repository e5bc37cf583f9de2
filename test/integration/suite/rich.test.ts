// Relations, nested spans, span adjustment, page labels and annotation undo in the real editor (issue 13):
// each driven by its command, checked in the store, the decorations and the sidecar, then undone to the start.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AnnotationDocument } from '../../../src/core/types';
import { closeAll, getApi, openAnalysed, readJson, writeFile, type BiaozhuApi } from './util';

const TEXT = '东湖区人民法院院长王大明说，蓝湾科技有限公司董事长李小华出资58万元。\n';

describe('relations, nested spans, adjustment and annotation undo', () => {
  let api: BiaozhuApi;
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;

  const select = (s: string, from = 0) => {
    const start = TEXT.indexOf(s, from);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + s.length));
  };
  const cursorIn = (s: string) => {
    const at = editor.document.positionAt(TEXT.indexOf(s) + 1);
    editor.selection = new vscode.Selection(at, at);
  };
  const run = async (command: string, arg?: unknown) => {
    const result = await vscode.commands.executeCommand(command, arg);
    await api.whenIdle(uri);
    return result;
  };
  const sidecar = async () => (await readJson(api.sidecarUri(uri))) as AnnotationDocument;
  const items = () => api.annotations(uri).map(a => `${a.text}/${a.label}/${a.status}`).sort();
  const decorated = () => Object.entries(api.decorations(editor)).filter(([k]) => k.includes('.'))
    .flatMap(([k, rs]) => rs.map(r => `${k} ${editor.document.getText(r)}`)).sort();

  before(async function () {
    // The first analysis loads the tagger in a worker: slow on a loaded machine.
    this.timeout(300_000);
    api = await getApi();
    uri = await writeFile('rich.txt', TEXT);
    editor = await openAnalysed(api, uri);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('suggests the relations the page states plainly, and never again one the user rejected', async function () {
    this.timeout(300_000);
    const suggested = (doc: AnnotationDocument) => (doc.relations ?? []).filter(r => r.source === 'auto')
      .map(r => `${doc.annotations.find(a => a.id === r.from)?.text} ${r.label} ${doc.annotations.find(a => a.id === r.to)?.text} ${r.status}`);
    const first = await sidecar();
    assert.ok(suggested(first).includes('李小华 任职 蓝湾科技有限公司 suggested'), JSON.stringify(first.relations));
    // Reject it as a reader would, with the hover's link on the person; re-analyse: it stays rejected and is
    // not suggested twice.
    const rel = first.relations!.find(r => first.annotations.find(a => a.id === r.from)?.text === '李小华')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(TEXT.indexOf('李小华') + 1));
    const markdown = hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
    const reject = /\[Reject relation\]\(command:([\w.]+)\?([^ )]+)/.exec(markdown);
    assert.ok(reject, `no Reject relation link in the hover: ${markdown}`);
    const [args] = JSON.parse(decodeURIComponent(reject[2])) as [{ relationIds: string[] }];
    assert.deepStrictEqual(args.relationIds, [rel.id], 'the link names the suggested relation');
    await run(reject[1], args);
    await run('biaozhu.analyzeDocument', uri);
    const again = await sidecar();
    assert.deepStrictEqual(suggested(again).filter(s => s.startsWith('李小华')), ['李小华 任职 蓝湾科技有限公司 rejected']);
    // The rejection is an annotation action like any other: undone, the suggestion is back.
    await run('biaozhu.undoAnnotation');
    assert.deepStrictEqual(suggested(await sidecar()).filter(s => s.startsWith('李小华')), ['李小华 任职 蓝湾科技有限公司 suggested']);
  });

  it('suggests no relation with biaozhu.analyzers.relations off', async function () {
    this.timeout(300_000);
    const settings = vscode.workspace.getConfiguration('biaozhu');
    await settings.update('analyzers.relations', false, vscode.ConfigurationTarget.Workspace);
    try {
      const other = await writeFile('rich-no-relations.txt', TEXT);
      await openAnalysed(api, other);
      const doc = (await readJson(api.sidecarUri(other))) as AnnotationDocument;
      assert.ok(doc.annotations.some(a => a.text === '李小华'), 'the page was analysed');
      assert.strictEqual(doc.relations, undefined, JSON.stringify(doc.relations));
    } finally {
      await settings.update('analyzers.relations', undefined, vscode.ConfigurationTarget.Workspace);
      // The next test drives this suite's page through its editor.
      editor = await vscode.window.showTextDocument(editor.document);
    }
  });

  it('tags a nested span, links, adjusts, labels the page, and undoes every step back to the start', async function () {
    this.timeout(300_000);
    const start = items();
    const startSidecar = await sidecar();
    const steps: string[] = [];

    select('东湖区人民法院');
    await run('biaozhu.tagSelection', { label: 'ORG' });
    select('东湖区');
    await run('biaozhu.tagSelection', { label: 'LOC' });
    select('王大明');
    await run('biaozhu.tagSelection', { label: 'PER' });
    steps.push('tag ORG', 'tag LOC', 'tag PER');
    // Nested: the district inside the court, both drawn (outer and inner decorations), both in the sidecar.
    assert.ok(items().includes('东湖区人民法院/ORG/accepted') && items().includes('东湖区/LOC/accepted'), items().join(' '));
    // The enclosing court is drawn as an outline, the district inside it with its fill.
    assert.ok(decorated().includes('ORG.outer 东湖区人民法院') && decorated().includes('LOC.accepted 东湖区'), decorated().join(' | '));
    assert.ok(!decorated().includes('ORG.accepted 东湖区人民法院'), 'the enclosing span is drawn once, as an outline');

    const org = api.annotations(uri).find(a => a.text === '东湖区人民法院')!;
    cursorIn('王大明');
    const relationId = await run('biaozhu.linkAnnotation', { to: org.id, label: '任职' });
    steps.push('link');
    const linked = await sidecar();
    assert.deepStrictEqual(linked.relations?.filter(r => r.source === 'manual').map(r => [r.id, r.label, linked.annotations.find(a => a.id === r.from)?.text, linked.annotations.find(a => a.id === r.to)?.text]),
      [[relationId, '任职', '王大明', '东湖区人民法院']]);
    // The relation's hint sits right after its source.
    const hintsAt = () => (api.decorations(editor).relation ?? []).map(r => editor.document.offsetAt(r.start));
    assert.ok(hintsAt().includes(TEXT.indexOf('王大明') + '王大明'.length), `hints at ${hintsAt()}`);

    // Grow the district by one character at its end, then shrink it back; its id stays.
    const loc = api.annotations(uri).find(a => a.text === '东湖区' && a.label === 'LOC')!;
    cursorIn('东湖区');
    await run('biaozhu.growEnd');
    assert.strictEqual(api.annotations(uri).find(a => a.id === loc.id)?.text, '东湖区人');
    await run('biaozhu.shrinkEnd');
    assert.strictEqual(api.annotations(uri).find(a => a.id === loc.id)?.text, '东湖区');
    steps.push('grow', 'shrink');

    // Adjust the person to a wider selection: label, status, relation and id stay.
    const per = api.annotations(uri).find(a => a.text === '王大明')!;
    select('长王大明');
    await run('biaozhu.adjustToSelection');
    const adjusted = api.annotations(uri).find(a => a.id === per.id)!;
    assert.deepStrictEqual([adjusted.text, adjusted.label, adjusted.status], ['长王大明', 'PER', 'accepted']);
    assert.ok((await sidecar()).relations?.some(r => r.source === 'manual' && r.from === per.id));
    steps.push('adjust');

    await run('biaozhu.setPageLabels', { labels: ['法治'] });
    steps.push('page labels');
    assert.deepStrictEqual((await sidecar()).document.labels, ['法治']);

    // Removing the court says nothing here but takes its relation with it.
    cursorIn('人民法院');
    await run('biaozhu.removeAtCursor');
    steps.push('remove');
    const removed = await sidecar();
    assert.ok(!removed.annotations.some(a => a.text === '东湖区人民法院'));
    assert.deepStrictEqual(removed.relations?.filter(r => r.source === 'manual') ?? [], []);
    assert.ok(!hintsAt().includes(TEXT.indexOf('长王大明') + '长王大明'.length), 'no hint once the relation is gone');

    // Undo each step (the last one first): the relation comes back with the court, and at the end the page is as it began.
    for (let i = steps.length - 1; i >= 0; i--) {
      const said = await run('biaozhu.undoAnnotation');
      assert.ok(typeof said === 'string' && said.length > 0, `undo of ${steps[i]} said nothing`);
      if (steps[i] === 'remove') assert.strictEqual((await sidecar()).relations?.filter(r => r.source === 'manual').length, 1);
    }
    assert.strictEqual(await run('biaozhu.undoAnnotation'), undefined);
    assert.deepStrictEqual(items(), start);
    const end = await sidecar();
    assert.deepStrictEqual([end.annotations, end.relations, end.document.labels], [startSidecar.annotations, startSidecar.relations, undefined]);

    // Redo brings the first step back.
    await run('biaozhu.redoAnnotation');
    assert.ok(items().includes('东湖区人民法院/ORG/accepted'));
  });
});
