import { sha256 } from '../../document';
import type { RawFinding, Rule } from '../types';

/** The sidecar describes another text than the page now on disk (edited outside the editor), or the page is gone. */
export const staleSidecar: Rule = {
  id: 'stale-sidecar',
  defaultSeverity: 'error',
  description: "The annotations file's sha256 does not match its page (the page changed or is missing).",
  check(pages) {
    const out: RawFinding[] = [];
    for (const page of pages) {
      if (page.text === undefined) out.push({ page, message: `the page ${page.path} was not found` });
      else if (sha256(page.text) !== page.doc.document.sha256) {
        out.push({ page, message: 'the page changed since its annotations were saved (sha256 mismatch): open it in the editor to re-anchor them' });
      }
    }
    return out;
  },
};
