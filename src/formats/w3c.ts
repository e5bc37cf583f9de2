import { QUOTE_CONTEXT, quoteAt, type TextQuote } from '../core/anchor';
import type { Annotation, AnnotationDocument } from '../core/types';
import { CodePoints, ImportCollector, extensionOf, isObj, lossesOf, parseJson, relationsOf, tryJson, type Candidate } from './common';
import { FormatError, type ExportedFile, type FormatPlugin, type ImportResult } from './types';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Biaozhu's own fields ride as extension properties in this namespace (allowed by the model, §6). */
const NS = 'https://github.com/biaozhu/biaozhu/ns#';
const FIELDS = ['status', 'source', 'value', 'unit', 'approx', 'kind'] as const;

/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection whose embedded first page holds one Annotation
 * per span; the label is a tagging TextualBody, the target has a TextPositionSelector (code points, as
 * the model requires) and a TextQuoteSelector (exact, prefix, suffix) so the span can be found again
 * after the text changes. A relation is a `linking` Annotation whose two targets are the linked
 * annotations' IRIs (source first) and whose tagging body is its label; page labels are one
 * `classifying` Annotation targeting the page.
 */
export const w3c: FormatPlugin = {
  id: 'w3c',
  name: 'W3C Web Annotation (JSON-LD)',
  extensions: ['.jsonld'],

  export(doc: AnnotationDocument, text: string): ExportedFile[] {
    const cp = new CodePoints(text);
    const items: Array<Record<string, unknown>> = doc.annotations.map((a: Annotation) => {
      const q = trimPairs(quoteAt(text, a, QUOTE_CONTEXT));
      const extra: Record<string, unknown> = {};
      for (const f of FIELDS) if (a[f] !== undefined) extra[`biaozhu:${f}`] = a[f];
      return {
        id: `urn:biaozhu:${encodeURIComponent(a.id)}`,
        type: 'Annotation',
        motivation: 'tagging',
        body: { type: 'TextualBody', purpose: 'tagging', value: a.label },
        target: {
          source: doc.document.path,
          selector: [
            { type: 'TextPositionSelector', start: cp.fromUtf16(a.start), end: cp.fromUtf16(a.end) },
            { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
          ],
        },
        ...extra,
      };
    });
    const urn = (id: string) => `urn:biaozhu:${encodeURIComponent(id)}`;
    const links = relationsOf(doc).map(r => ({
      // `relation:` cannot clash with an annotation's IRI: its id is percent-encoded, so holds no ':'.
      id: `urn:biaozhu:relation:${encodeURIComponent(r.id)}`,
      type: 'Annotation',
      motivation: 'linking',
      body: { type: 'TextualBody', purpose: 'tagging', value: r.label },
      target: [urn(r.from), urn(r.to)],
      'biaozhu:status': r.status,
      'biaozhu:source': r.source,
    }));
    const classes = doc.document.labels?.length ? [{
      id: 'urn:biaozhu:page-labels',
      type: 'Annotation',
      motivation: 'classifying',
      body: doc.document.labels.map(value => ({ type: 'TextualBody', purpose: 'classifying', value })),
      target: doc.document.path,
    }] : [];
    items.push(...links, ...classes);
    const collection = {
      '@context': [CONTEXT, { biaozhu: NS }],
      type: 'AnnotationCollection',
      label: `Biaozhu annotations of ${doc.document.path}`,
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items },
    };
    return [{ suffix: '', content: JSON.stringify(collection, null, 2) + '\n' }];
  },

  import(content, text, options = {}): ImportResult {
    const annotations = annotationsIn(parseJson(content, 'Web Annotation'));
    if (!annotations) throw new FormatError('shape', 'Web Annotation: no Annotation, AnnotationPage or AnnotationCollection found');
    const cp = new CodePoints(text);
    const collect = new ImportCollector(text, options);
    annotations.forEach((an, i) => {
      const name = typeof an.id === 'string' ? an.id : `annotation ${i + 1}`;
      if (an.motivation === 'linking' && Array.isArray(an.target) && an.target.length === 2) {
        const [from, to] = an.target.map(t => (typeof t === 'string' ? t : isObj(t) && typeof t.id === 'string' ? t.id : ''));
        const idMatch = typeof an.id === 'string' ? /^urn:biaozhu:relation:(.+)$/.exec(an.id) : null;
        let id: string | undefined;
        if (idMatch) { try { id = decodeURIComponent(idMatch[1]); } catch { /* a generated id */ } }
        collect.addRelation({ from, to, label: labelOf(an.body), id, status: an['biaozhu:status'], source: an['biaozhu:source'] }, name);
        return;
      }
      if (an.motivation === 'classifying' && typeof an.target === 'string') {
        for (const b of Array.isArray(an.body) ? an.body : [an.body]) collect.addPageLabel(typeof b === 'string' ? b : isObj(b) ? b.value : undefined);
        return;
      }
      const label = labelOf(an.body);
      if (!label) { collect.skip(name, 'no tagging body with a label'); return; }
      const selectors = selectorsOf(an.target);
      const pos = selectors.find(s => s.type === 'TextPositionSelector');
      const quote = selectors.find(s => s.type === 'TextQuoteSelector');
      const c: Candidate = { start: 0, end: 0, label, ref: typeof an.id === 'string' ? an.id : undefined };
      const idMatch = typeof an.id === 'string' ? /^urn:biaozhu:(.+)$/.exec(an.id) : null;
      if (idMatch) { try { c.id = decodeURIComponent(idMatch[1]); } catch { /* keep a generated id */ } }
      for (const f of FIELDS) if (an[`biaozhu:${f}`] !== undefined) (c as unknown as Record<string, unknown>)[f] = an[`biaozhu:${f}`];
      if (pos) {
        const start = cp.toUtf16(pos.start as number);
        const end = cp.toUtf16(pos.end as number);
        if (start !== undefined && end !== undefined) { c.start = start; c.end = end; }
        else if (!quote) { collect.skip(name, `TextPositionSelector ${String(pos.start)}-${String(pos.end)} is outside the text (${cp.length} code points)`); return; }
      }
      if (quote && typeof quote.exact === 'string') {
        const q: TextQuote = { exact: quote.exact, prefix: typeof quote.prefix === 'string' ? quote.prefix : '', suffix: typeof quote.suffix === 'string' ? quote.suffix : '' };
        collect.addQuoted(c, q, name);
      } else if (pos) {
        collect.addSpan(c, name);
      } else {
        collect.skip(name, 'no TextPositionSelector or TextQuoteSelector');
      }
    });
    return collect.result();
  },

  detect(content, fileName) {
    const raw = tryJson(content);
    if (isObj(raw) && (/Annotation(Collection|Page)?$/.test(String(raw.type)) || JSON.stringify(raw['@context'] ?? '').includes('anno.jsonld'))) return 1;
    if (Array.isArray(raw) && isObj(raw[0]) && raw[0].type === 'Annotation') return 0.9;
    return extensionOf(fileName) === '.jsonld' ? 0.6 : 0;
  },

  losses: doc => lossesOf(doc, { relations: true, pageLabels: true, articleLabels: false }),
};

/** A quote's context must not cut a surrogate pair at its outer edge. */
function trimPairs(q: Required<TextQuote>): Required<TextQuote> {
  const prefix = /^[\uDC00-\uDFFF]/.test(q.prefix) ? q.prefix.slice(1) : q.prefix;
  const suffix = /[\uD800-\uDBFF]$/.test(q.suffix) ? q.suffix.slice(0, -1) : q.suffix;
  return { exact: q.exact, prefix, suffix };
}

function annotationsIn(raw: unknown): Array<Record<string, unknown>> | undefined {
  if (Array.isArray(raw)) return raw.filter(isObj);
  if (!isObj(raw)) return undefined;
  if (raw.type === 'Annotation') return [raw];
  if (Array.isArray(raw.items)) return raw.items.filter(isObj);
  if (isObj(raw.first)) return annotationsIn(raw.first);
  if (Array.isArray(raw.first)) return raw.first.filter(isObj);
  return undefined;
}

function labelOf(body: unknown): string | undefined {
  const bodies = Array.isArray(body) ? body : [body];
  for (const b of bodies) {
    if (typeof b === 'string' && b !== '') return b;
    if (isObj(b) && typeof b.value === 'string' && b.value !== '' && (b.purpose === undefined || b.purpose === 'tagging' || b.purpose === 'classifying' || b.purpose === 'identifying')) return b.value;
  }
  return undefined;
}

function selectorsOf(target: unknown): Array<Record<string, unknown>> {
  const t = Array.isArray(target) ? target.find(isObj) : target;
  if (!isObj(t)) return [];
  const s = t.selector;
  return (Array.isArray(s) ? s : [s]).filter(isObj);
}
