import type { RawFinding, Rule } from '../types';

/** A page marked done or reviewed that still holds suggestions nobody accepted or rejected. */
export const doneWithSuggestions: Rule = {
  id: 'done-with-suggestions',
  defaultSeverity: 'warning',
  description: 'A page marked done or reviewed still has unreviewed suggestions.',
  check(pages) {
    const out: RawFinding[] = [];
    for (const page of pages) {
      const status = page.doc.review?.status;
      if (status !== 'done' && status !== 'reviewed') continue;
      const pending = page.doc.annotations.filter(a => a.status === 'suggested');
      if (pending.length === 0) continue;
      out.push({ page, annotation: pending[0], data: { pending: pending.length }, message: `page is marked ${status} but ${pending.length} suggestion${pending.length === 1 ? '' : 's'} still await${pending.length === 1 ? 's' : ''} review` });
    }
    return out;
  },
};
