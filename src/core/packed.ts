import { autoId } from './autoId';
import type { Annotation } from './types';

/**
 * A compact form of an annotation list for passing between threads. Structured-cloning tens of thousands
 * of small objects stalls the receiving event loop for hundreds of milliseconds; two typed arrays (whose
 * buffers are transferred, not copied) and a short deduplicated string table cost almost nothing. Ids of
 * the form `label-start-end` and texts equal to their slice of the page are not stored: the receiver
 * holds the page and rebuilds them. Objects come back with the same keys in the same order.
 */
export interface PackedAnnotations {
  count: number;
  /** FIELDS ints per annotation; string fields are indices into `strings`, -1 = absent or derived. */
  ints: Int32Array;
  /** The `value` of each annotation (meaningful only where its HAS_VALUE flag is set). */
  values: Float64Array;
  /** The `confidence` of each annotation, NaN where absent. */
  confidences: Float64Array;
  strings: string[];
}

const FIELDS = 10;
const START = 0, END = 1, ID = 2, TEXT = 3, LABEL = 4, SOURCE = 5, STATUS = 6, UNIT = 7, APPROX = 8, KIND = 9;
const NONE = -1;
/** In the ID and TEXT slots: the value is derived (see above), not stored. */
const DERIVED = -2;

const derivedId = (a: Pick<Annotation, 'label' | 'start' | 'end'>): string => autoId(String(a.label), a.start, a.end);

export function packAnnotations(text: string, annotations: readonly Annotation[]): PackedAnnotations {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string | undefined): number => {
    if (s === undefined) return NONE;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const ints = new Int32Array(annotations.length * FIELDS);
  const values = new Float64Array(annotations.length);
  const confidences = new Float64Array(annotations.length);
  annotations.forEach((a, n) => {
    const o = n * FIELDS;
    ints[o + START] = a.start;
    ints[o + END] = a.end;
    ints[o + ID] = a.id === derivedId(a) ? DERIVED : intern(a.id);
    ints[o + TEXT] = text.slice(a.start, a.end) === a.text ? DERIVED : intern(a.text);
    ints[o + LABEL] = intern(a.label);
    ints[o + SOURCE] = intern(a.source);
    ints[o + STATUS] = intern(a.status);
    ints[o + UNIT] = intern(a.unit);
    ints[o + APPROX] = intern(a.approx);
    ints[o + KIND] = intern(a.kind);
    values[n] = 'value' in a && a.value !== undefined ? a.value : NaN;
    confidences[n] = a.confidence ?? NaN;
  });
  return { count: annotations.length, ints, values, confidences, strings };
}

/** The buffers to list as transferables when posting `p`. */
export function transferables(p: PackedAnnotations): ArrayBuffer[] {
  return [p.ints.buffer as ArrayBuffer, p.values.buffer as ArrayBuffer, p.confidences.buffer as ArrayBuffer];
}

/** Rebuilds annotations `from`..`to` (end exclusive) of `p` against the page `text` they were packed with. */
export function unpackAnnotations(text: string, p: PackedAnnotations, from = 0, to = p.count): Annotation[] {
  const { ints, values, confidences, strings } = p;
  const out: Annotation[] = new Array(Math.max(0, to - from));
  for (let n = from; n < to; n++) {
    const o = n * FIELDS;
    const start = ints[o + START], end = ints[o + END];
    const label = strings[ints[o + LABEL]];
    const a: Annotation = {
      id: ints[o + ID] === DERIVED ? derivedId({ label, start, end }) : strings[ints[o + ID]],
      start, end,
      text: ints[o + TEXT] === DERIVED ? text.slice(start, end) : strings[ints[o + TEXT]],
      label,
      source: strings[ints[o + SOURCE]] as Annotation['source'],
      status: strings[ints[o + STATUS]] as Annotation['status'],
    };
    if (!Number.isNaN(values[n])) a.value = values[n];
    if (ints[o + UNIT] !== NONE) a.unit = strings[ints[o + UNIT]];
    if (ints[o + APPROX] !== NONE) a.approx = strings[ints[o + APPROX]] as Annotation['approx'];
    if (ints[o + KIND] !== NONE) a.kind = strings[ints[o + KIND]] as Annotation['kind'];
    if (confidences !== undefined && !Number.isNaN(confidences[n])) a.confidence = confidences[n];
    out[n - from] = a;
  }
  return out;
}
