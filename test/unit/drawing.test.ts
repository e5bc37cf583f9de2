import * as assert from 'assert';
import { enclosingIds, relationHints } from '../../src/core/drawing';
import type { Annotation, Relation } from '../../src/core/types';

const TEXT = '东湖区人民法院院长张三在中国科学院武汉分院讲话。';
const ann = (word: string, label: string, over: Partial<Annotation> = {}): Annotation => {
  const start = TEXT.indexOf(word);
  return { id: `${label}-${start}-${start + word.length}`, start, end: start + word.length, text: word, label, source: 'manual', status: 'accepted', ...over };
};
const rel = (from: Annotation, to: Annotation, label: string, status: Relation['status'] = 'accepted'): Relation =>
  ({ id: `r-${from.id}-${to.id}`, from: from.id, to: to.id, label, source: 'manual', status });

describe('what the editor draws for nested spans and relations', () => {
  const court = ann('东湖区人民法院', 'ORG');
  const district = ann('东湖区', 'LOC');
  const person = ann('张三', 'PER');
  const academy = ann('中国科学院武汉分院', 'ORG');
  const china = ann('中国', 'LOC', { source: 'auto', status: 'suggested' });

  it('marks exactly the spans that enclose another drawn span as outlines', () => {
    assert.deepStrictEqual([...enclosingIds([person, court, district, academy, china])].sort(), [academy.id, court.id].sort());
  });

  it('finds the enclosing span whatever the order of items that share a start', () => {
    for (const order of [[district, court], [court, district]]) assert.deepStrictEqual([...enclosingIds(order)], [court.id]);
  });

  it('ignores rejected items, equal extents and spans that only cross', () => {
    assert.deepStrictEqual([...enclosingIds([court, { ...district, status: 'rejected' }])], []);
    assert.deepStrictEqual([...enclosingIds([court, { ...court, id: 'same-extent', label: 'LOC' }])], []);
    const crossing = ann('人民法院院长', 'ORG');
    assert.deepStrictEqual([...enclosingIds([court, crossing])], []);
  });

  it('gives one hint per source listing its relations, quoting and cutting long targets', () => {
    const hints = relationHints([rel(person, court, '任职'), rel(person, academy, '任职', 'suggested'), rel(court, district, '位于', 'suggested')], [court, district, person, academy]);
    assert.deepStrictEqual(hints.map(h => [h.source.id, h.text, h.suggested]), [
      [person.id, '→任职「东湖区人民法院」 →任职「中国科学院武汉…」', false],
      [court.id, '→位于「东湖区」', true],
    ]);
  });

  it('shows no hint for a rejected relation or one whose end is not drawn', () => {
    assert.deepStrictEqual(relationHints([rel(person, court, '任职', 'rejected')], [person, court]), []);
    assert.deepStrictEqual(relationHints([rel(person, court, '任职')], [person, { ...court, status: 'rejected' }]), []);
  });
});
