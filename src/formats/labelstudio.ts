import type { Annotation, AnnotationDocument, Relation } from '../core/types';
import { CodePoints, ImportCollector, extensionOf, isObj, lossesOf, parseJson, relationsOf, tryJson } from './common';
import { FormatError, type ExportedFile, type FormatPlugin, type ImportResult } from './types';

/**
 * Label Studio tasks JSON for a `<Labels name="label" toName="text">` over `<Text name="text" value="$text">`.
 * Automatic suggestions go to `predictions`; manual or accepted items to `annotations` (their `origin`
 * tells which were predictions); rejected items are not exported. Label Studio stores code-point
 * offsets since its emoji fix (frontend PR #308); older exports counted UTF-16 units, so import checks
 * each region's `value.text` and accepts either. A relation is a `relation` result between two regions
 * of the same list (`from_id` → `to_id`, its label in `labels`); page labels are a `choices` result
 * (`<Choices name="class" toName="text">`) among the annotations.
 */
export const labelstudio: FormatPlugin = {
  id: 'labelstudio',
  name: 'Label Studio tasks JSON',
  extensions: ['.json'],

  export(doc: AnnotationDocument, text: string): ExportedFile[] {
    const cp = new CodePoints(text);
    const result = (a: Annotation) => ({
      id: a.id, from_name: 'label', to_name: 'text', type: 'labels',
      origin: a.source === 'manual' ? 'manual' : 'prediction',
      value: { start: cp.fromUtf16(a.start), end: cp.fromUtf16(a.end), text: a.text, labels: [a.label] },
    });
    const done = doc.annotations.filter(a => a.status === 'accepted' || (a.source === 'manual' && a.status !== 'rejected'));
    const suggested = doc.annotations.filter(a => a.status === 'suggested' && a.source === 'auto');
    // A relation can only join regions of one result list; a rejected one is not exported, like a rejected span.
    const within = (list: Annotation[]) => {
      const ids = new Set(list.map(a => a.id));
      return relationsOf(doc).filter(r => r.status !== 'rejected' && ids.has(r.from) && ids.has(r.to)).map(relation);
    };
    const pageLabels = doc.document.labels?.length
      ? [{ id: 'page-labels', from_name: 'class', to_name: 'text', type: 'choices', value: { choices: [...doc.document.labels] } }] : [];
    const doneResult = [...done.map(result), ...within(done), ...pageLabels];
    const suggestedResult = [...suggested.map(result), ...within(suggested)];
    const task = {
      data: { text },
      annotations: doneResult.length ? [{ result: doneResult, was_cancelled: false, ground_truth: false }] : [],
      predictions: suggestedResult.length ? [{ model_version: 'biaozhu', result: suggestedResult }] : [],
    };
    return [{ suffix: '', content: JSON.stringify([task], null, 2) + '\n' }];
  },

  import(content, text, options = {}): ImportResult {
    const raw = parseJson(content, 'Label Studio');
    const tasks = (Array.isArray(raw) ? raw : [raw]).filter(isObj);
    const withText = tasks.map(t => ({ task: t, text: taskText(t) })).filter((t): t is { task: Record<string, unknown>; text: string } => t.text !== undefined);
    if (withText.length === 0) throw new FormatError('shape', 'Label Studio: no task with a text in "data"');
    const chosen = withText.find(t => t.text === text) ?? (withText.length === 1 ? withText[0] : undefined);
    if (!chosen) throw new FormatError('text-mismatch', `Label Studio: none of the ${withText.length} tasks has this text`);
    const cp = new CodePoints(chosen.text);
    const collect = new ImportCollector(text, options, chosen.text);
    const groups: Array<[string, boolean]> = [['annotations', true], ['completions', true], ['predictions', false]];
    for (const [key, human] of groups) {
      const list = chosen.task[key];
      if (!Array.isArray(list)) continue;
      list.forEach((group, g) => {
        if (!isObj(group) || !Array.isArray(group.result)) return;
        if (group.was_cancelled === true) { collect.skip(`${key}[${g}]`, 'the annotation was cancelled (skipped) in Label Studio'); return; }
        group.result.forEach((r: unknown, i: number) => {
          const name = `${key}[${g}].result[${i}]${isObj(r) && typeof r.id === 'string' ? ` (${r.id})` : ''}`;
          if (isObj(r) && r.type === 'relation') {
            const labels = Array.isArray(r.labels) ? r.labels.filter((l): l is string => typeof l === 'string') : [];
            // A relation drawn right-to-left in Label Studio still runs from_id → to_id in its data; 'bi' keeps that order.
            collect.addRelation({ from: `${key}[${g}]/${String(r.from_id)}`, to: `${key}[${g}]/${String(r.to_id)}`, label: labels[0], source: human ? 'manual' : 'auto', status: human ? 'accepted' : 'suggested' }, name);
            return;
          }
          if (!isObj(r) || !isObj(r.value)) { collect.skip(name, 'not a result object'); return; }
          if (r.type === 'choices' && r.value.start === undefined && Array.isArray(r.value.choices)) {
            for (const c of r.value.choices) collect.addPageLabel(c);
            return;
          }
          if (r.type !== 'labels') { collect.skip(name, `result type ${JSON.stringify(r.type)} is not a text span ("labels")`); return; }
          const v = r.value;
          const span = spanOf(chosen.text, cp, v.start, v.end, typeof v.text === 'string' ? v.text : undefined);
          if (typeof span === 'string') { collect.skip(name, span); return; }
          const labels = Array.isArray(v.labels) ? v.labels.filter((l): l is string => typeof l === 'string') : [];
          if (labels.length === 0) { collect.skip(name, 'no labels'); return; }
          for (const label of labels) {
            collect.addSpan({
              ...span, label, id: typeof r.id === 'string' ? r.id : undefined, ref: `${key}[${g}]/${String(r.id)}`,
              source: human && r.origin === 'manual' ? 'manual' : 'auto', status: human ? 'accepted' : 'suggested',
            }, name);
          }
        });
      });
    }
    return collect.result();
  },

  detect(content, fileName) {
    const raw = tryJson(content);
    const task = Array.isArray(raw) ? raw[0] : raw;
    if (isObj(task) && isObj(task.data) && (Array.isArray(task.annotations) || Array.isArray(task.predictions) || Array.isArray(task.completions))) return 0.95;
    return isObj(task) && isObj(task.data) && extensionOf(fileName) === '.json' ? 0.5 : 0;
  },

  losses: doc => {
    const split = relationsOf(doc).filter(r => r.status !== 'rejected' && (group(doc, r.from) !== group(doc, r.to) || group(doc, r.from) === 'none')).length;
    return [
      ...(split ? [`${split} relation${split === 1 ? '' : 's'} not between two suggestions or two decided annotations`] : []),
      ...lossesOf(doc, { relations: true, pageLabels: true, articleLabels: false }),
    ];
  },
};

/** Which result list an annotation goes to: the annotations (decided or manual), the predictions, or none (rejected). */
function group(doc: AnnotationDocument, id: string): string {
  const a = doc.annotations.find(x => x.id === id)!;
  if (a.status === 'accepted' || (a.source === 'manual' && a.status !== 'rejected')) return 'annotations';
  return a.status === 'suggested' && a.source === 'auto' ? 'predictions' : 'none';
}

function relation(r: Relation) {
  return { from_id: r.from, to_id: r.to, type: 'relation', direction: 'right', labels: [r.label] };
}

/** The task's text: `data.text`, else its only string field. */
function taskText(task: Record<string, unknown>): string | undefined {
  if (!isObj(task.data)) return undefined;
  if (typeof task.data.text === 'string') return task.data.text;
  const strings = Object.values(task.data).filter((v): v is string => typeof v === 'string');
  return strings.length === 1 ? strings[0] : undefined;
}

/** UTF-16 span of a region, trying code points first and UTF-16 units second; a string says why not. */
function spanOf(text: string, cp: CodePoints, s: unknown, e: unknown, quote: string | undefined): { start: number; end: number } | string {
  const asCp = { start: cp.toUtf16(s as number), end: cp.toUtf16(e as number) };
  const valid = (x: { start?: number; end?: number }): x is { start: number; end: number } => x.start !== undefined && x.end !== undefined;
  if (valid(asCp) && (quote === undefined || text.slice(asCp.start, asCp.end) === quote)) return asCp;
  if (quote !== undefined && Number.isSafeInteger(s) && Number.isSafeInteger(e) && text.slice(s as number, e as number) === quote) {
    return { start: s as number, end: e as number };
  }
  return valid(asCp) ? `value.text ${JSON.stringify(quote)} is not at ${String(s)}-${String(e)} in the task's text` : `offsets ${String(s)}-${String(e)} are outside the task's text`;
}
