import Ajv from 'ajv';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { AnnotationDocument } from '../../src/core/types';

const root = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schema', 'biaozhu-annotations.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Schema errors plus the invariants JSON Schema cannot express (text equals its slice, spans in range). */
export function contractErrors(doc: unknown, text?: string): string[] {
  const errors = validate(doc) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
  if (errors.length || text === undefined) return errors;
  const d = doc as AnnotationDocument;
  if (d.document.length !== text.length) errors.push(`document.length ${d.document.length} != ${text.length}`);
  for (const a of d.annotations) {
    if (a.start > a.end || a.end > text.length) errors.push(`${a.id}: span ${a.start}-${a.end} out of range`);
    else if (text.slice(a.start, a.end) !== a.text) errors.push(`${a.id}: text ${JSON.stringify(a.text)} != slice`);
  }
  for (const x of [...d.articles, ...d.columnBreaks]) {
    if (x.start > x.end || x.end > text.length) errors.push(`span ${x.start}-${x.end} out of range`);
  }
  return errors;
}

export const repoRoot = root;
