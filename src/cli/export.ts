import { existsSync } from 'fs';
import { dirname, isAbsolute, join } from 'path';
import { sha256 } from '../core/document';
import { misanchored, parseDocument } from '../core/documentJson';
import type { AnnotationDocument } from '../core/types';
import { conllLosses } from '../formats/conll';
import { formatById, formats, outputPath } from '../formats';
import { writeFileAtomic } from '../node/atomicWrite';
import { InputError, readTextFile } from '../node/readText';
import { CliContext, UsageError, parseArgs } from './args';

const ids = formats.map(f => f.id).join('|');
export const usage = `biaozhu export --format <${ids}> ANNOTATIONS.json [--text PAGE.txt] [--scheme bio|bioes] [-o OUT]`;

/** Reads and validates a Biaozhu JSON document, naming the file and position of any problem. */
export function readDocument(path: string): AnnotationDocument {
  const parsed = parseDocument(readTextFile(path));
  if (parsed.ok) return parsed.doc;
  const where = parsed.problem.line ? `:${parsed.problem.line}:${parsed.problem.column}` : '';
  throw new InputError(`${path}${where}: not a Biaozhu annotations document: ${parsed.problem.message}`);
}

/** The page's path: `--text`, else `document.path` as given, else relative to the annotations file. */
function textPathOf(doc: AnnotationDocument, annotationsPath: string, given: string | undefined): string {
  if (given) return given;
  const p = doc.document.path;
  if (isAbsolute(p) || existsSync(p)) return p;
  const beside = join(dirname(annotationsPath), p);
  return existsSync(beside) ? beside : p;
}


export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { format: 'string', f: 'string', text: 'string', scheme: 'string', o: 'string', output: 'string' });
  const id = (options.format ?? options.f) as string | undefined;
  if (!id) throw new UsageError(`missing --format\nusage: ${usage}`);
  const format = formatById(id);
  if (!format) throw new UsageError(`unknown format '${id}' (known: ${ids.replace(/\|/g, ', ')})`);
  const scheme = options.scheme as string | undefined;
  if (scheme !== undefined && scheme !== 'bio' && scheme !== 'bioes') throw new UsageError(`--scheme must be bio or bioes, not '${scheme}'`);
  if (positional.length !== 1) throw new UsageError(`give exactly one ANNOTATIONS.json\nusage: ${usage}`);
  const out = (options.o ?? options.output) as string | undefined;

  const doc = readDocument(positional[0]);
  const textPath = textPathOf(doc, positional[0], options.text as string | undefined);
  const text = readTextFile(textPath);
  if (doc.document.sha256 !== sha256(text)) {
    const off = misanchored(text, doc.annotations);
    if (off.length) throw new InputError(`${textPath}: is not the text these annotations were made on (${off.length} of ${doc.annotations.length} no longer match it)`);
    ctx.stderr(`biaozhu: warning: ${textPath} changed since the annotations were saved, but every annotation still matches it\n`);
  }
  const files = format.export(doc, text, { scheme: scheme as 'bio' | 'bioes' | undefined });
  if (out === undefined) {
    ctx.stdout(files[0].content);
  } else {
    for (const f of files) {
      const target = outputPath(out, f.suffix);
      if (f.suffix !== '' && target === out) throw new UsageError(`-o ${out}: the ${f.suffix} file would overwrite the main output; give OUT another extension`);
      writeFileAtomic(target, f.content);
    }
  }
  const dropped = format.id === 'conll' ? conllLosses(doc.annotations).length
    : format.id === 'labelstudio' ? doc.annotations.filter(a => a.status === 'rejected').length : 0;
  const note = dropped ? ` (${dropped} not representable in ${format.name}, see docs/formats.md)` : '';
  const losses = format.losses(doc);
  const lost = losses.length ? ` (not carried by ${format.name}: ${losses.join(', ')}; see docs/formats.md)` : '';
  ctx.stderr(`${positional[0]}: ${doc.annotations.length} annotations as ${format.name}${note}${lost}${out ? ` -> ${files.map(f => outputPath(out, f.suffix)).join(', ')}` : ''}\n`);
  return 0;
}
