import { toDocument } from '../core/document';
import { BUILTIN_LABELS } from '../core/labels';
import { isStatus, type LabelDef, type Status } from '../core/types';
import { FormatError, detectFormat, formatById, formats } from '../formats';
import { writeFileAtomic } from '../node/atomicWrite';
import { InputError, readTextFile } from '../node/readText';
import { CliContext, UsageError, parseArgs } from './args';

const ids = formats.map(f => f.id).join('|');
export const usage = `biaozhu import [--format <${ids}>] FILE --text PAGE.txt [--status suggested|accepted|rejected|keep] [-o OUT.json]`;

/** Colours for labels the file brings that Biaozhu does not know yet. */
const PALETTE = ['#5c940d', '#c2255c', '#0b7285', '#5f3dc4', '#a61e4d', '#364fc7', '#087f5b', '#d9480f'];

/** The built-in labels plus the file's new ones, with the file's own definitions where it has them. */
export function labelsWith(unknown: readonly string[], defined: readonly LabelDef[] = []): LabelDef[] {
  return [...BUILTIN_LABELS, ...unknown.map((id, i) => defined.find(l => l.id === id) ?? { id, name: id, color: PALETTE[i % PALETTE.length] })];
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { format: 'string', f: 'string', text: 'string', status: 'string', o: 'string', output: 'string' });
  if (positional.length !== 1) throw new UsageError(`give exactly one FILE\nusage: ${usage}`);
  const textPath = options.text as string | undefined;
  if (!textPath) throw new UsageError(`missing --text PAGE.txt (the page the annotations belong to)\nusage: ${usage}`);
  const status = options.status as string | undefined;
  if (status !== undefined && status !== 'keep' && !isStatus(status)) {
    throw new UsageError(`--status must be suggested, accepted, rejected or keep, not '${status}'`);
  }
  const id = (options.format ?? options.f) as string | undefined;
  const requested = id === undefined ? undefined : formatById(id);
  if (id !== undefined && !requested) throw new UsageError(`unknown format '${id}' (known: ${ids.replace(/\|/g, ', ')})`);

  const file = positional[0];
  const content = readTextFile(file);
  const text = readTextFile(textPath);
  const format = requested ?? detectFormat(content, file);
  if (!format) throw new InputError(`${file}: cannot tell which format this is; give --format <${ids}>`);
  let result;
  try {
    result = format.import(content, text, { status: status as Status | 'keep' | undefined });
  } catch (e) {
    if (e instanceof FormatError) throw new InputError(`${file}: ${e.message} [${e.reason}]`);
    throw e;
  }
  for (const s of result.skipped) ctx.stderr(`biaozhu: ${file}: skipped ${s.item}: ${s.reason}\n`);
  const doc = toDocument(textPath, text, {
    articles: result.articles ?? [], columnBreaks: result.columnBreaks ?? [], annotations: result.annotations, relations: result.relations,
  }, labelsWith(result.unknownLabels, result.labels), result.pageLabels);
  const json = JSON.stringify(doc, null, 2) + '\n';
  const out = (options.o ?? options.output) as string | undefined;
  if (out === undefined) ctx.stdout(json);
  else writeFileAtomic(out, json);
  const extras = [
    result.reanchored ? `${result.reanchored} re-anchored by quote` : '',
    result.relations?.length ? `${result.relations.length} relations` : '',
    result.pageLabels?.length ? `page labels: ${result.pageLabels.join(', ')}` : '',
    result.unknownLabels.length ? `new labels: ${result.unknownLabels.join(', ')}` : '',
  ].filter(Boolean).join('; ');
  ctx.stderr(`${file} (${format.name}): ${result.annotations.length} imported, ${result.skipped.length} skipped${extras ? `; ${extras}` : ''}${out ? ` -> ${out}` : ''}\n`);
  return 0;
}
