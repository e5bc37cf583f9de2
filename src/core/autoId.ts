/**
 * The id of a suggestion the analyser made: `label-start-end` (`loc-12-15`), deterministic, so re-analysing
 * unchanged text gives identical, diff-friendly output. Built with `join`, which
 * gives a flat string: a template literal gives a rope that V8 flattens the first time the id is hashed,
 * and on a 5 MB page (154 K annotations) that first pass over the ids (a relation check, a lookup by id)
 * stalled the editor's host for about 100 ms.
 */
export function autoId(label: string, start: number, end: number): string {
  return [label.toLowerCase(), start, end].join('-');
}

const AUTO_ID = /-(\d+)-\d+$/;

/** Where the suggestion `id` (autoId's form) started when it was made; undefined for any other id. */
export function autoIdStart(id: string): number | undefined {
  const m = AUTO_ID.exec(id);
  return m ? Number(m[1]) : undefined;
}
