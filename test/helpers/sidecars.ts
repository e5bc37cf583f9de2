import { toDocument } from '../../src/core/document';
import type { Sidecar } from '../../src/core/team/types';
import type { Annotation, Article, Source, Status } from '../../src/core/types';

/** Annotations on `text` by word, each found after the previous one: [word, label, status?, source?]. */
export function tags(text: string, list: Array<[string, string, Status?, Source?]>): Annotation[] {
  let from = 0;
  return list.map(([word, label, status = 'accepted', source = 'manual']) => {
    const start = text.indexOf(word, from);
    if (start === -1) throw new Error(`"${word}" not in the text`);
    from = start + word.length;
    return { id: `${label.toLowerCase()}-${start}-${start + word.length}`, start, end: start + word.length, text: word, label, source, status };
  });
}

/** A sidecar for `text` with the built-in labels. */
export function sidecar(path: string, text: string, annotations: Annotation[], extra: Partial<Sidecar> & { articles?: Article[] } = {}): Sidecar {
  const { articles = [], ...rest } = extra;
  return { ...toDocument(path, text, { articles, columnBreaks: [], annotations }), ...rest };
}
