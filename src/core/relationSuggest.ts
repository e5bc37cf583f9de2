import { ROLE_WORDS } from './entities/lexicons';
import { BUILTIN_RELATIONS, allowedRelations } from './relations';
import type { Annotation, Relation, RelationDef } from './types';

/**
 * Relations the page states plainly, suggested for review like spans: an organisation (or the place
 * named for its government) directly followed by an office and a person, `某县县长张三`, `某公司董事长李四`
 * → 任职 person → organisation. Generic: the role words are the entity rules' own lexicon.
 */

/** The relation type the suggestion makes. */
export const HOLDS_POST = '任职';

/** Role words that name a post in an organisation (not kinship or 村民-like standing). */
const OFFICE = /(?:长|书记|主任|经理|总裁|主席|总理|委员|负责人|创始人|记者|编辑|主编|通讯员|政委|司令员|教授|法官|检察官|警官|民警|律师|医生|教练)$/;
/** A unit of the organisation may come between it and the post (某县县委书记 is parsed as 某县 + 县委书记 by nobody, so only these). */
const UNIT = /^(?:党委|党组|常务|执行|代理)/;
const MAX_GAP = 8;

const ROLE = new Set(ROLE_WORDS);
/** Modifiers jieba keeps in the same word as the role (副县长, 老村长, 退休教师). */
const ROLE_MODIFIER = /^(副|老|前|原|女|男|总|退伍|退休|驻村)/;

/** A role word of the entity lexicon, possibly with a modifier in front. */
function isRole(word: string): boolean {
  if (ROLE.has(word)) return true;
  const m = ROLE_MODIFIER.exec(word);
  return m !== null && ROLE.has(word.slice(m[0].length));
}

function isPost(gap: string): boolean {
  const word = gap.replace(UNIT, '');
  return word !== '' && isRole(word) && OFFICE.test(word);
}

/**
 * Suggested 任职 relations among `annotations` of `text` (only drawn items; only when `defs` has a 任职
 * type allowing the two labels). Each person gets at most one: the organisation right before its post.
 */
export function suggestRelations(text: string, annotations: readonly Annotation[], defs: readonly RelationDef[] = BUILTIN_RELATIONS): Relation[] {
  if (!defs.some(d => d.id === HOLDS_POST)) return [];
  const drawn = annotations.filter(a => a.status !== 'rejected');
  const endingAt = new Map<number, Annotation[]>();
  for (const a of drawn) endingAt.set(a.end, [...(endingAt.get(a.end) ?? []), a]);
  const out: Relation[] = [];
  const ids = new Set<string>();
  for (const person of drawn) {
    if (person.label !== 'PER') continue;
    for (let gap = 1; gap <= MAX_GAP && gap <= person.start; gap++) {
      const orgs = (endingAt.get(person.start - gap) ?? []).filter(o => allowedRelations(defs, 'PER', o.label).some(d => d.id === HOLDS_POST));
      if (orgs.length === 0 || !isPost(text.slice(person.start - gap, person.start))) continue;
      // An organisation beats a place that ends at the same offset; then the longer (outer) name.
      const org = orgs.sort((a, b) => Number(b.label === 'ORG') - Number(a.label === 'ORG') || (b.end - b.start) - (a.end - a.start))[0];
      let id = `rel-${person.id}-${org.id}`;
      for (let n = 2; ids.has(id); n++) id = `rel-${person.id}-${org.id}.${n}`;
      ids.add(id);
      out.push({ id, from: person.id, to: org.id, label: HOLDS_POST, source: 'auto', status: 'suggested' });
      break;
    }
  }
  return out;
}
