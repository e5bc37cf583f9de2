/**
 * `npm run bench:anchoring`: re-anchoring after outside changes on a 5 MB page (issue 11). The page is real
 * news text (the MSRA training text of /work/shared/bench, one sentence per line, about 5 MB of UTF-8) with
 * its gold entities as annotations, a tenth of them reviewed. Times the diff (`equalRuns`), the whole
 * move (`mapThroughDiff`), a page changed while closed (`anchorSaved`), orphans coming home, and the sidecar
 * cost of the saved context. Medians of 3 runs, in CPU milliseconds; writes bench/results/anchoring.json.
 */
import { join } from 'path';
import { anchorSaved, mapThroughDiff, reattachOrphans, withContext } from '../src/core/anchor';
import { serializeDocument } from '../src/core/documentJson';
import { toDocument } from '../src/core/document';
import { equalRuns } from '../src/core/textDiff';
import type { Annotation } from '../src/core/types';
import { benchDir, requireData, writeResult } from './data';
import { readBio } from './entities';
import { formatTable, type BenchSection } from './section';

const root = join(__dirname, '..', '..');
requireData(root, ['ner-msra/train.bio']);
const TARGET_BYTES = 5 * 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}
/** Median CPU milliseconds (user + system) of `runs` calls: on a shared machine wall time measures the neighbours. */
function timed<T>(fn: () => T, runs = 3): [T, number] {
  let value!: T;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    value = fn();
    const d = process.cpuUsage(t);
    ms.push((d.user + d.system) / 1000);
  }
  return [value, Math.round(median(ms))];
}

// The page: MSRA training sentences up to 5 MB of UTF-8, gold entities as annotations.
const bio = readBio(join(benchDir(root), 'ner-msra', 'train.bio'));
let cut = bio.text.length;
while (Buffer.byteLength(bio.text.slice(0, cut), 'utf8') > TARGET_BYTES) cut = bio.text.lastIndexOf('\n', cut - 1000) + 1;
const page = bio.text.slice(0, cut);
const annotations: Annotation[] = bio.gold.filter(g => g.end <= cut).map((g, i) => ({
  id: `e${i}`, start: g.start, end: g.end, text: g.text, label: g.label, source: i % 10 === 0 ? 'manual' : 'auto', status: i % 10 === 0 ? 'accepted' : 'suggested',
}));
const lines = page.split('\n');
console.log(`page: ${page.length} UTF-16 units, ${(Buffer.byteLength(page, 'utf8') / 1048576).toFixed(2)} MB, ${lines.length} lines, ${annotations.length} annotations\n`);

// Outside changes, as another program or git would make them.
const fewEdits = (() => {
  const l = [...lines];
  l.splice(Math.floor(l.length / 2), 1); // a sentence deleted
  for (let k = 1; k <= 10; k++) { const i = Math.floor((l.length * k) / 11); l[i] = l[i].slice(0, 5) + '有关' + l[i].slice(7); }
  return '【编者按】本版今起推出系列报道，深入解读各项政策措施，敬请关注。\n' + l.join('\n');
})();
const rewriteOnePercent = lines.map((l, i) => (i % 100 === 50 && l.length > 12 ? l.slice(0, 6) + '据悉' + l.slice(8) : l)).join('\n');
const blockMoved = (() => {
  const at = Math.floor(lines.length / 3);
  const block = lines.slice(at, at + 200);
  const rest = [...lines.slice(0, at), ...lines.slice(at + 200)];
  return [...rest.slice(0, rest.length - 100), ...block, ...rest.slice(rest.length - 100)].join('\n');
})();

const rows: Array<Array<string | number>> = [];
const data: Record<string, unknown> = {};
for (const [name, changed] of [['line inserted, sentence deleted, 10 words changed', fewEdits], ['1% of lines rewritten (git checkout)', rewriteOnePercent], ['200 sentences moved', blockMoved]] as const) {
  const [runs, diffMs] = timed(() => equalRuns(page, changed));
  const [r, moveMs] = timed(() => mapThroughDiff(page, changed, annotations));
  const back = mapThroughDiff(changed, page, r.placed);
  const [home, homeMs] = timed(() => reattachOrphans(page, back.placed, r.orphaned.map(o => o.item)), 1);
  const reviewedOrphans = r.orphaned.filter(o => o.item.source === 'manual').length;
  rows.push([name, diffMs, moveMs, r.moved, r.byContext, r.orphaned.length, reviewedOrphans, homeMs, home.reattached.length]);
  data[name] = { equalRuns: runs.length, diffMs, moveMs, moved: r.moved, byContext: r.byContext, orphaned: r.orphaned.length, reviewedOrphaned: reviewedOrphans, reattachMs: homeMs, reattached: home.reattached.length };
}
const open: BenchSection = {
  title: 'Open page changed outside the editor: diff and re-anchor (CPU ms, medians of 3)',
  headers: ['change', 'diff ms', 'diff + move ms', 'moved', 'by context', 'orphaned', 'of them reviewed', 'back: re-attach ms', 're-attached'],
  rows, data,
};
console.log(formatTable(open) + '\n');

// Closed page: the sidecar's saved context, no old text.
const saved = annotations.map(a => withContext(page, a));
const [closed, closedMs] = timed(() => anchorSaved(fewEdits, saved));
const [, contextMs] = timed(() => annotations.map(a => withContext(page, a)));
const bare = Buffer.byteLength(serializeDocument(toDocument('page.txt', page, { articles: [], columnBreaks: [], annotations }) as never), 'utf8');
const withCtx = Buffer.byteLength(serializeDocument({ ...toDocument('page.txt', page, { articles: [], columnBreaks: [], annotations: [] }), annotations: saved } as never), 'utf8');
const closedSection: BenchSection = {
  title: 'Page changed while closed, and the sidecar cost of saved context',
  headers: ['what', 'value'],
  rows: [
    ['re-anchor by saved context (first change above), ms', closedMs],
    ['placed / orphaned', `${closed.placed.length} / ${closed.orphaned.length}`],
    ['context for every annotation at save, ms', contextMs],
    ['sidecar bytes without / with context', `${bare} / ${withCtx}`],
  ],
  data: { closedMs, placed: closed.placed.length, orphaned: closed.orphaned.length, contextMs, sidecarBytes: bare, sidecarBytesWithContext: withCtx },
};
console.log(formatTable(closedSection) + '\n');

writeResult(root, 'anchoring', { page: { units: page.length, bytes: Buffer.byteLength(page, 'utf8'), lines: lines.length, annotations: annotations.length }, open: open.data, closed: closedSection.data });
