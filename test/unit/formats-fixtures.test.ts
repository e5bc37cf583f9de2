import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { toDocument } from '../../src/core/document';
import { detectFormat, formatById } from '../../src/formats';
import { repoRoot } from '../helpers/schema';

/**
 * Files made by the other tools (or copied from their own examples), imported as they are:
 * - brat-conll2002-esp.*: brat's example-data/CoNLL-ST_2002 document, cut after its eighth entity;
 * - doccano-*: doccano's own example files for sequence labelling and relation extraction;
 * - msra-dev-excerpt.bio: the first three sentences of the public MSRA NER dev split (shared/bench);
 * - labelstudio-ner-export.json: written by us in the shape of a real Label Studio export (no example ships);
 * - w3c-spec-quote.jsonld: the Web Annotation model's TextQuoteSelector example, in an AnnotationPage.
 */
const dir = join(repoRoot, 'test', 'fixtures', 'formats');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('interchange formats: other tools\' files', () => {
  it('imports brat\'s own example and writes it back line for line', () => {
    const text = read('brat-conll2002-esp.txt');
    const ann = read('brat-conll2002-esp.ann');
    assert.strictEqual(detectFormat(ann, 'brat-conll2002-esp.ann')?.id, 'brat');
    const r = formatById('brat')!.import(ann, text);
    assert.deepStrictEqual(r.skipped, []);
    assert.deepStrictEqual(r.annotations.map(a => `${a.label} ${a.text}`), [
      'PER Caius Apicius', 'LOC Madrid', 'ORG EFE', 'PER Nobel de Literatura Camilo José Cela', 'PER Cela', 'PER Cela', 'PER Cela', 'PER Antonio Machado',
    ]);
    assert.deepStrictEqual(r.unknownLabels, []);
    const out = formatById('brat')!.export(toDocument('x.txt', text, { articles: [], columnBreaks: [], annotations: r.annotations }), text)[0].content;
    assert.deepStrictEqual(out.split('\n').filter(l => l.startsWith('T')), ann.trim().split('\n'));
  });

  it('imports doccano\'s sequence-labelling example, choosing the record with the given text', () => {
    const content = read('doccano-sequence-labeling.jsonl');
    assert.strictEqual(detectFormat(content, 'example.jsonl')?.id, 'doccano');
    const r = formatById('doccano')!.import(content, 'EU rejects German call to boycott British lamb.');
    assert.deepStrictEqual(r.annotations.map(a => [a.text, a.label]), [['EU', 'ORG'], ['German', 'MISC']]);
    assert.deepStrictEqual(r.unknownLabels, ['MISC']);
    assert.deepStrictEqual(formatById('doccano')!.import(content, 'President Obama').annotations.map(a => [a.text, a.label]), [['Obama', 'PER']]);
  });

  it('imports doccano\'s relation-extraction example (entities objects), leaving relations aside', () => {
    const content = read('doccano-relation-extraction.json');
    const text = 'Google was founded on September 4, 1998, by Larry Page and Sergey Brin.';
    assert.strictEqual(detectFormat(content, 'example.json')?.id, 'doccano');
    const r = formatById('doccano')!.import(content, text);
    assert.deepStrictEqual(r.annotations.map(a => [a.text, a.label]), [['Google', 'ORG'], ['September 4, 1998', 'DATE'], ['Larry Page', 'PER'], ['Sergey Brin', 'PER']]);
  });

  it('imports MSRA character-level BIO and writes it back identically', () => {
    const content = read('msra-dev-excerpt.bio');
    const sentences = content.trim().split(/\n\s*\n/).map(s => s.split('\n').map(l => l.split(' ')[0]).join(''));
    const text = sentences.join('\n') + '\n';
    assert.strictEqual(detectFormat(content, 'dev.bio')?.id, 'conll');
    const r = formatById('conll')!.import(content, text);
    assert.deepStrictEqual(r.skipped, []);
    const tagged = content.split('\n').filter(l => /B-/.test(l)).length;
    assert.strictEqual(r.annotations.length, tagged);
    const out = formatById('conll')!.export(toDocument('x.txt', text, { articles: [], columnBreaks: [], annotations: r.annotations }), text)[0].content;
    assert.strictEqual(out.trim(), content.trim());
  });

  it('imports a Label Studio export: annotations as accepted work, predictions as suggestions, either offset unit', () => {
    const content = read('labelstudio-ner-export.json');
    const text = '新华社😀电 北京 有3000多人。';
    assert.strictEqual(detectFormat(content, 'project-1.json')?.id, 'labelstudio');
    const r = formatById('labelstudio')!.import(content, text, { status: 'keep' });
    assert.deepStrictEqual(r.annotations.map(a => [a.text, a.label, a.source, a.status]), [
      ['新华', 'ORG', 'manual', 'accepted'], ['北京', 'LOC', 'manual', 'accepted'], ['3000', 'NUMBER', 'auto', 'suggested'],
    ]);
    // The whole-text choice (a document class) is the page's label.
    assert.deepStrictEqual([r.skipped, r.pageLabels], [[], ['News']]);
  });

  it('anchors the Web Annotation spec\'s quote example by its context and skips a position outside the text', () => {
    const content = read('w3c-spec-quote.jsonld');
    const text = 'Notes: this is an anotation that has some typos, and this is an anotation elsewhere.';
    assert.strictEqual(detectFormat(content, 'page1.jsonld')?.id, 'w3c');
    const r = formatById('w3c')!.import(content, text);
    assert.deepStrictEqual(r.annotations.map(a => [a.start, a.text, a.label]), [[18, 'anotation', 'ORG']]);
    assert.deepStrictEqual(r.skipped.map(s => s.item), ['http://example.org/anno2']);
  });
});
