// A 5 MB page inside the real editor: the extension host's event loop keeps turning while the page is
// analysed, merged, decorated and its sidecar written (issue 6, "Never freeze").
import * as assert from 'assert';
import { monitorEventLoopDelay, type IntervalHistogram } from 'perf_hooks';
import * as vscode from 'vscode';
import { join } from 'path';
import { nowUs, profiled } from './stallProfile';
import { benchFigure, closeAll, getApi, writeFile, type BiaozhuApi } from './util';

/** Where BIAOZHU_PROFILE_STALLS=1 writes its CPU profiles (git-ignored). */
const PROFILES = join(__dirname, '..', '..', '..', '..', 'test-output', 'profiles');

/**
 * The goal is no stall over 100 ms. Measured on an idle 2-core machine (docs/extension.md): analysis,
 * including VS Code opening the page, 50–127 ms; edit + save + re-analysis 88–200 ms. What remains is
 * mostly V8 garbage collection of the host's large heap (a CPU profile matched to the event-loop gaps).
 * The assertion is on the host thread's **CPU time** in the longest gap where Node can tell it
 * (`process.threadCpuUsage`, Node ≥ 23.9: code-server's Node 24): a gap's wall time grows with the machine's
 * load (2.2–3.6 s were seen with four other CPU-heavy jobs on the 2 cores), its CPU time does not. The bound
 * still catches a return of the freezes of many seconds seen before; both figures are reported.
 */
const MAX_STALL_MS = 2000;
const PAGE_BYTES = 5 * 1024 * 1024;

/** Composed news text (not from any seed), varied by `i` so the page does not repeat one paragraph verbatim. */
function story(i: number): string {
  const year = 2000 + (i % 25);
  return [
    `滨江新区第${i % 90 + 1}届科技博览会开幕`,
    `本报讯（记者 周明远 通讯员 林晓）${year}年${i % 12 + 1}月${i % 28 + 1}日，第${i % 90 + 1}届科技博览会在滨江国际会展中心开幕，来自${i % 30 + 12}个国家和地区的${i % 700 + 300}多家企业参展。`,
    `据介绍，本届博览会展览面积约${i % 8 + 3}万平方米，现场签约项目${i % 60 + 20}个，总金额达${(i % 900) + 100}亿元，同比增长${i % 40 + 5}.${i % 10}%。`,
    `市科技局局长陈国华在开幕式上表示，新区将继续加大研发投入，力争三年内高新技术企业数量翻一番，并与清华大学、浙江大学共建联合实验室。`,
    `当天下午，华夏新能源有限公司发布了新一代储能电池，能量密度提高近三成，预计明年${i % 12 + 1}月量产。`,
    '',
  ].join('\n');
}

function largePage(): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < PAGE_BYTES; i++) {
    const s = story(i);
    parts.push(s);
    bytes += Buffer.byteLength(s, 'utf8') + 1;
  }
  return parts.join('\n');
}

/** The host thread's CPU time so far (ms), where Node has `process.threadCpuUsage`. */
function threadCpuMs(): number | undefined {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
  if (!usage) return undefined;
  const u = usage.call(process);
  return (u.user + u.system) / 1000;
}

interface Stall {
  /** Longest event-loop delay (wall time) and its 99th percentile. */
  maxMs: number;
  p99Ms: number;
  /** Most host-thread CPU time spent between two 10 ms ticks, when Node can tell. */
  maxCpuMs?: number;
  /** The extension host's largest V8 heap in use (MB) at a tick, and before the work began. */
  heapPeakMB: number;
  heapBeforeMB: number;
  /** When the longest stall happened (µs, `nowUs`'s clock), for the profile. */
  worst?: { fromUs: number; toUs: number };
}

const heapMB = () => process.memoryUsage().heapUsed / 2 ** 20;

/**
 * Runs `work` while sampling the event loop every 10 ms; returns the longest stall seen, in ms. `work` gets a
 * function that tells, once it is done, when the longest gap between two ticks was (for the CPU profile).
 */
async function maxStallDuring(work: (worst: () => Stall['worst']) => Promise<void>): Promise<Stall> {
  const h: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  let last = threadCpuMs();
  let maxCpuMs = 0;
  const heapBeforeMB = heapMB();
  let heapPeakMB = heapBeforeMB;
  let tickAt = nowUs();
  let worst: Stall['worst'];
  const ticks = setInterval(() => {
    const at = nowUs();
    if (!worst || at - tickAt > worst.toUs - worst.fromUs) worst = { fromUs: tickAt, toUs: at };
    tickAt = at;
    heapPeakMB = Math.max(heapPeakMB, heapMB());
    if (last === undefined) return;
    const now = threadCpuMs()!;
    maxCpuMs = Math.max(maxCpuMs, now - last);
    last = now;
  }, 10);
  h.enable();
  try {
    await work(() => worst);
  } finally {
    h.disable();
    clearInterval(ticks);
  }
  // The histogram records delay beyond the resolution, in nanoseconds.
  return { maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6, heapPeakMB, heapBeforeMB, worst, ...(last !== undefined ? { maxCpuMs } : {}) };
}

/** The stall the assertion judges: CPU time where known (load-independent), else wall time. */
function judged(stall: Stall): { ms: number; what: string } {
  return stall.maxCpuMs !== undefined ? { ms: stall.maxCpuMs, what: 'ms of host CPU in one go' } : { ms: stall.maxMs, what: 'ms' };
}

/**
 * The sidecar adds each item's context (prefix/suffix, issue 11), so it is compared without it, as one string:
 * a failing deep comparison of 50 K items makes assert build a diff that costs the host gigabytes and minutes.
 */
function withoutContext(items: readonly unknown[]): string {
  return JSON.stringify(items.map(a => { const { prefix: _p, suffix: _s, ...rest } = a as Record<string, unknown>; return rest; }));
}

describe('a 5 MB page keeps the editor responsive', function () {
  this.timeout(10 * 60_000);
  let api: BiaozhuApi;
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  const config = () => vscode.workspace.getConfiguration('biaozhu');

  before(async () => {
    api = await getApi();
    await config().update('maxFileSizeMB', 50, vscode.ConfigurationTarget.Workspace);
    uri = await writeFile('large-page.txt', largePage());
  });
  after(async () => {
    await closeAll();
    await config().update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('analyses it without stalling the host, and decorates what is visible', async () => {
    const stall = await maxStallDuring(worst => profiled('large-page-analysis', PROFILES, async () => {
      editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      await vscode.commands.executeCommand('biaozhu.analyzeDocument', uri);
      await api.whenIdle(uri);
    }, worst));
    benchFigure('largePageAnalysisMaxStallMs', stall.maxMs);
    if (stall.maxCpuMs !== undefined) benchFigure('largePageAnalysisMaxStallCpuMs', stall.maxCpuMs);
    benchFigure('largePageHeapPeakMB', Math.round(stall.heapPeakMB));
    console.log(`responsiveness: analysis of ${editor.document.getText().length} chars: max stall ${stall.maxMs.toFixed(0)} ms (CPU ${stall.maxCpuMs?.toFixed(0) ?? '?'} ms), p99 ${stall.p99Ms.toFixed(0)} ms; host heap ${stall.heapBeforeMB.toFixed(0)} → peak ${stall.heapPeakMB.toFixed(0)} MB`);

    const annotations = api.annotations(uri);
    assert.ok(annotations.length > 10_000, `expected tens of thousands of annotations, got ${annotations.length}`);
    const text = editor.document.getText();
    const wrong = annotations.filter(a => text.slice(a.start, a.end) !== a.text);
    assert.deepStrictEqual(wrong.slice(0, 3), [], `${wrong.length} annotations differ from the text they cover`);

    const visible = editor.visibleRanges[0];
    const drawn = Object.entries(api.decorations(editor)).filter(([k]) => k.endsWith('.suggested')).flatMap(([, r]) => r);
    assert.ok(drawn.some(r => visible.contains(r)), 'no suggestion is drawn in the visible part of the page');
    // Article lenses too are given only near what is shown (all 16 K of them after every change stalled the host).
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 0)) ?? [];
    const articles = api.articles(uri).length;
    assert.ok(lenses.length > 0 && lenses.length < articles, `${lenses.length} lenses for ${articles} articles`);
    assert.ok(lenses.some(l => visible.contains(l.range)), 'no article lens in the visible part of the page');
    const worst = judged(stall);
    assert.ok(worst.ms < MAX_STALL_MS, `the host stalled for ${worst.ms.toFixed(0)} ${worst.what} while analysing (allowed ${MAX_STALL_MS})`);
  });

  it('edits and saves it without stalling the host, and the sidecar matches the editor', async () => {
    const stall = await maxStallDuring(worst => profiled('large-page-edit-save', PROFILES, async () => {
      await editor.edit(b => b.insert(editor.document.positionAt(0), '号外\n'));
      await editor.document.save();
      await api.whenIdle(uri);
    }, worst));
    benchFigure('largePageSaveMaxStallMs', stall.maxMs);
    if (stall.maxCpuMs !== undefined) benchFigure('largePageSaveMaxStallCpuMs', stall.maxCpuMs);
    benchFigure('largePageSaveHeapPeakMB', Math.round(stall.heapPeakMB));
    console.log(`responsiveness: edit, save and re-analysis: max stall ${stall.maxMs.toFixed(0)} ms (CPU ${stall.maxCpuMs?.toFixed(0) ?? '?'} ms), p99 ${stall.p99Ms.toFixed(0)} ms; host heap peak ${stall.heapPeakMB.toFixed(0)} MB`);

    const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(api.sidecarUri(uri))).toString('utf8')) as { annotations: unknown[]; document: { length: number } };
    assert.strictEqual(saved.document.length, editor.document.getText().length);
    const same = withoutContext(saved.annotations) === withoutContext(JSON.parse(JSON.stringify(api.annotations(uri))));
    assert.ok(same, 'the sidecar on disk differs from the annotations in the editor');
    const worst = judged(stall);
    assert.ok(worst.ms < MAX_STALL_MS, `the host stalled for ${worst.ms.toFixed(0)} ${worst.what} while editing and saving (allowed ${MAX_STALL_MS})`);
  });
});

describe('a burst of edits while analyses and saves run', function () {
  this.timeout(5 * 60_000);
  const BURST_MS = 10_000;
  const OPS_PER_EDIT = 5;
  const PASTE = '据新华社报道，滨江新区今年新增就业岗位1.2万个。';

  it('keeps every annotation on its text, and the sidecar equal to the editor', async () => {
    const api = await getApi();
    const page = Array.from({ length: 40 }, (_, i) => story(i)).join('\n');
    const uri = await writeFile('burst-page.txt', page);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await api.whenIdle(uri);
    assert.ok(api.annotations(uri).length > 100, 'the page should start annotated');

    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 7;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const background: Array<Thenable<unknown>> = [];
    let edits = 0;
    const until = Date.now() + BURST_MS;
    for (let i = 0; Date.now() < until; i++) {
      const doc = editor.document;
      const length = doc.getText().length;
      // Several edits per change event, as multi-cursor typing gives: distinct places at least 8 apart.
      const places = [...new Set(Array.from({ length: OPS_PER_EDIT }, () => random(length)))].sort((a, b) => a - b)
        .filter((p, k, all) => k === 0 || p - all[k - 1] >= 8);
      const applied = await editor.edit(b => {
        for (const p of places) {
          const kind = random(10);
          const at = doc.positionAt(p);
          if (kind < 6) b.insert(at, '新');                                          // typing
          else if (kind < 8) b.insert(at, PASTE);                                    // pasting
          else b.delete(new vscode.Range(at, doc.positionAt(Math.min(length, p + 1 + random(6))))); // deleting
        }
      }, { undoStopBefore: false, undoStopAfter: false });
      assert.ok(applied, `edit ${i} was not applied`);
      edits += places.length;
      if (i % 150 === 0) background.push(vscode.commands.executeCommand('biaozhu.analyzeDocument', uri));
      if (i % 100 === 50) background.push(editor.document.save());
    }
    await Promise.all(background);
    await editor.document.save();
    await api.whenIdle(uri);
    console.log(`responsiveness: burst of ${edits} edits in ${BURST_MS} ms`);

    const text = editor.document.getText();
    const annotations = api.annotations(uri);
    assert.ok(annotations.length > 100, `annotations were lost: ${annotations.length} left`);
    const misplaced = annotations.filter(a => a.end > text.length || text.slice(a.start, a.end) !== a.text);
    assert.deepStrictEqual(misplaced, [], 'annotations no longer cover their text');
    const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(api.sidecarUri(uri))).toString('utf8')) as { annotations: unknown[]; document: { length: number } };
    assert.strictEqual(saved.document.length, text.length);
    assert.ok(withoutContext(saved.annotations) === withoutContext(JSON.parse(JSON.stringify(annotations))), 'the sidecar on disk differs from the annotations in the editor');
  });
});
