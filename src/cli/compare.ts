import { compareAnnotations, mergeAnnotations, type AgreementReport, type Choice, type LabelScore } from '../core/corpus/agreement';
import { toCsv } from '../core/corpus/csv';
import { serializeDocument } from '../core/documentJson';
import type { Annotation } from '../core/types';
import { writeFileAtomic } from '../node/atomicWrite';
import { InputError } from '../node/readText';
import { CliContext, UsageError, parseArgs } from './args';
import { loadAnnotations } from './corpusFiles';
import { outputPath } from '../formats';

export const usage = 'biaozhu compare A.json B.json [--csv OUT.csv] [--merge OUT.json [--choose ID=a|b|none,...] [--prefer a|b|none]]';

const pct = (x: number) => x.toFixed(3);
const item = (xs: Annotation[]) => xs.map(x => `${x.text} ${x.label} [${x.start}-${x.end}]`).join(' + ') || '—';

function table(report: AgreementReport): string {
  const rows = [...report.perLabel, { ...report.overall, label: 'all' }];
  const line = (s: LabelScore) => [s.label.padEnd(8), String(s.reference).padStart(5), String(s.candidate).padStart(5), String(s.matched).padStart(5),
    pct(s.precision).padStart(9), pct(s.recall).padStart(7), pct(s.f1).padStart(6)].join(' ');
  return ['label        A     B  both precision  recall     F1', ...rows.map(line)].join('\n');
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { csv: 'string', merge: 'string', choose: 'string', prefer: 'string' });
  if (positional.length !== 2) throw new UsageError(`give exactly two annotation files\nusage: ${usage}`);
  const choices = parseChoices(options.choose as string | undefined);
  const prefer = (options.prefer ?? 'a') as string;
  if (!isChoice(prefer)) throw new UsageError(`--prefer must be a, b or none, not '${prefer}'`);
  if (options.merge === undefined && (options.choose !== undefined || options.prefer !== undefined)) throw new UsageError('--choose and --prefer need --merge OUT.json');
  const csv = options.csv as string | undefined;
  const dis = csv === undefined ? undefined : outputPath(csv, '.disagreements.csv');
  if (csv !== undefined && dis === csv) throw new UsageError(`--csv ${csv}: give the file an extension such as .csv`);
  const [fa, fb] = positional;
  const a = loadAnnotations(fa);
  const b = loadAnnotations(fb);
  if (a.sha256 !== b.sha256) {
    throw new InputError(`${fa} and ${fb} annotate different texts (document.sha256 ${a.sha256.slice(0, 12)}… vs ${b.sha256.slice(0, 12)}…); compare two annotators' files for the same page`);
  }
  const page = a.text ?? b.text ?? a.doc.document.length;
  const report = compareAnnotations(a.annotations, b.annotations, page);
  const unit = typeof page === 'string' ? 'characters, whitespace left out' : 'UTF-16 units: page text not found';
  const out = [
    `A (reference): ${fa}`, `B: ${fb}`, '', table(report), '',
    `Cohen's kappa: ${pct(report.kappa)} over ${report.tokens} tokens (${unit}); ${report.agreedTokens} labelled alike`,
    `${report.disagreements.length} disagreement${report.disagreements.length === 1 ? '' : 's'}${report.disagreements.length ? ':' : ''}`,
    ...report.disagreements.map(d => `  ${d.id} ${d.kind.padEnd(7)} A: ${item(d.a)}   B: ${item(d.b)}`),
  ];
  ctx.stdout(out.join('\n') + '\n');

  if (csv !== undefined && dis !== undefined) {
    const scores = [...report.perLabel, { ...report.overall, label: 'all' }]
      .map(s => [s.label, s.reference, s.candidate, s.matched, s.precision, s.recall, s.f1, s.label === 'all' ? report.kappa : undefined]);
    writeFileAtomic(csv, toCsv(['label', 'reference', 'candidate', 'matched', 'precision', 'recall', 'f1', 'kappa'], scores));
    const cells = (xs: Annotation[]) => [xs.map(x => x.label).join(' '), xs.map(x => x.text).join(' '), xs.map(x => `${x.start}-${x.end}`).join(' ')];
    writeFileAtomic(dis, toCsv(['id', 'kind', 'start', 'end', 'a_label', 'a_text', 'a_spans', 'b_label', 'b_text', 'b_spans'],
      report.disagreements.map(d => [d.id, d.kind, d.start, d.end, ...cells(d.a), ...cells(d.b)])));
    ctx.stderr(`-> ${csv}, ${dis}\n`);
  }

  const merge = options.merge as string | undefined;
  if (merge !== undefined) {
    const unknown = Object.keys(choices).filter(id => !report.disagreements.some(d => d.id === id));
    if (unknown.length) throw new UsageError(`--choose: no disagreement ${unknown.join(', ')} (see the list above)`);
    const merged = mergeAnnotations(report, choices, prefer);
    const { orphans: _dropped, ...doc } = a.doc as typeof a.doc & { orphans?: unknown };
    writeFileAtomic(merge, serializeDocument({ ...doc, annotations: merged.annotations }));
    const fell = merged.undecided.length ? `; ${merged.undecided.length} without a choice took '${prefer}': ${merged.undecided.join(', ')}` : '';
    ctx.stderr(`${merged.annotations.length} annotations merged -> ${merge}${fell}\n`);
  }
  return 0;
}

const isChoice = (x: string): x is Choice => x === 'a' || x === 'b' || x === 'none';

/** `d-3-5=b,d-9-12=none` → { 'd-3-5': 'b', 'd-9-12': 'none' }. */
export function parseChoices(spec: string | undefined): Record<string, Choice> {
  const out: Record<string, Choice> = Object.create(null);
  for (const part of (spec ?? '').split(',').map(p => p.trim()).filter(Boolean)) {
    const m = /^(d-\d+-\d+)=(.+)$/.exec(part);
    if (!m || !isChoice(m[2])) throw new UsageError(`--choose: '${part}' is not ID=a, ID=b or ID=none`);
    out[m[1]] = m[2];
  }
  return out;
}
