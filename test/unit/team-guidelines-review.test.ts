import * as assert from 'assert';
import { parseDocument, serializeDocument } from '../../src/core/documentJson';
import { guidelineFor, parseGuidelines } from '../../src/core/team/guidelines';
import { markReview, progress } from '../../src/core/team/review';
import { sidecar } from '../helpers/sidecars';

const GUIDE = [
  '# 标注规范', 'General rules.', '## Spans', 'No punctuation inside.',
  '# Labels', '## ORG — Organisation', 'The full official name of a body,', 'with its place prefix.', '',
  'More detail here.', '### Examples', '- 拉萨市人民政府', '- 县委', '### Not', '- 合作社',
  '## PER', '**Examples:**', '* 扎西', '```', '## NOT_A_HEADING', '```',
  '# Relations', '## WORKS_FOR (PER → ORG)', 'A person works for an organisation.', '例子：', '1. 扎西在县委工作',
].join('\n');

describe('guidelines file', () => {
  const sections = parseGuidelines(GUIDE);
  it('cuts one section per label and relation, with the heading line and extent', () => {
    assert.deepStrictEqual(sections.map(s => [s.kind, s.id, s.line, s.endLine]), [
      ['other', 'Spans', 2, 4], ['label', 'ORG', 5, 15], ['label', 'PER', 15, 21], ['relation', 'WORKS_FOR', 22, 26],
    ]);
  });
  it('takes the first paragraph as the definition and list items after "Examples" as examples', () => {
    const org = guidelineFor(sections, 'label', 'ORG')!;
    assert.strictEqual(org.definition, 'The full official name of a body, with its place prefix.');
    assert.deepStrictEqual(org.examples, ['拉萨市人民政府', '县委']); // "### Not" ends the examples
    assert.deepStrictEqual(guidelineFor(sections, 'label', 'PER')!.examples, ['扎西']);
    assert.deepStrictEqual(guidelineFor(sections, 'relation', 'works_for')!.examples, ['扎西在县委工作']);
  });
  it('finds nothing for a label without a section, and ignores headings inside code fences', () => {
    assert.strictEqual(guidelineFor(sections, 'label', 'LOC'), undefined);
    assert.ok(!sections.some(s => s.id === 'NOT_A_HEADING'));
    assert.deepStrictEqual(parseGuidelines(''), []);
  });
});

describe('review marks', () => {
  const t = (n: number) => new Date(Date.UTC(2026, 0, n));
  it('moves the previous mark into the history', () => {
    const done = markReview(undefined, 'done', 'alice', t(1));
    assert.deepStrictEqual(done, { status: 'done', by: 'alice', at: '2026-01-01T00:00:00.000Z' });
    const reviewed = markReview(done, 'reviewed', undefined, t(2));
    assert.deepStrictEqual(reviewed, { status: 'reviewed', at: '2026-01-02T00:00:00.000Z', history: [done] });
  });
  it('counts pages per status and per person (annotator and reviewer both credited)', () => {
    const a = markReview(markReview(undefined, 'done', 'alice', t(1)), 'reviewed', 'bob', t(2));
    const b = markReview(undefined, 'in progress', 'alice', t(3));
    const c = markReview(undefined, 'done', undefined, t(3));
    const p = progress([{ review: a }, { review: b }, { review: c }, {}]);
    assert.deepStrictEqual(p.byStatus, { 'not marked': 1, 'in progress': 1, done: 1, reviewed: 1 });
    assert.deepStrictEqual(p.byPerson, [
      { person: 'alice', 'in progress': 1, done: 1, reviewed: 0 },
      { person: 'bob', 'in progress': 0, done: 0, reviewed: 1 },
      { person: 'unknown', 'in progress': 0, done: 1, reviewed: 0 },
    ]);
  });
  it('loads back from a sidecar, and a bad mark is refused with its path', () => {
    const doc = { ...sidecar('p.txt', '扎西', []), review: markReview(undefined, 'done', 'alice', t(1)) };
    assert.ok(parseDocument(serializeDocument(doc)).ok);
    const bad = parseDocument(serializeDocument({ ...doc, review: { status: 'finished', at: 'x' } }));
    assert.ok(!bad.ok && /"review": status: expected one of in progress, done, reviewed/.test(bad.problem.message), JSON.stringify(bad));
    const badConflicts = parseDocument(serializeDocument({ ...doc, conflicts: [{ list: 'labels', id: 'x' }] }));
    assert.ok(!badConflicts.ok && /"conflicts": \[0\]\.list/.test(badConflicts.problem.message));
  });
});
