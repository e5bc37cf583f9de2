/**
 * How much the workspace lexicon saves: an annotator reviews page 1 (accepts right suggestions, rejects
 * false positives, tags what was missed), Biaozhu learns from that work, then page 2 — a follow-up
 * report on the same people and places — is analysed with and without the learned lexicon.
 *
 *     npx tsc -p . && node out/bench/learning.js
 *
 * The two pages are composed for this measurement (invented names; nothing from the seed page or the
 * benchmark test split). The "user" is simulated from a gold list of entity words per page: every
 * occurrence of a gold word is a gold mention (longest words first, no overlaps).
 */
import { analyze } from '../src/core/analyze';
import { learn, toLexiconEntries, type LexiconItem } from '../src/core/corpus/lexiconFile';
import type { Annotation, LabelId } from '../src/core/types';

export const PAGE_1 = `牦牛产业带富高原牧民
——帮扎乡发展特色养殖见闻

本报拉萨11月20日电（记者 白玛央金）初冬时节，达孜区帮扎乡的牧场上，成群的牦牛正在觅食。由村民洛桑格列牵头成立的雪域阳光牦牛养殖专业合作社，如今已吸纳农牧民120户。
“以前各家各户自己放牧，收入不稳定。”洛桑格列介绍，合作社统一采购饲料、统一销售，去年分红达58万元，户均增收4800多元。
帮扎乡党委书记次仁多吉说，乡里依托合作社建立了技术服务中心，邀请西藏农牧学院的专家定期授课。今年以来，共举办培训班12期，培训牧民600余人次。
据了解，达孜区农业农村局还为合作社协调贷款300万元，用于建设标准化畜棚。合作社负责人强巴平措表示，明年计划把产品卖到成都、西宁等地。
`;

export const PAGE_2 = `小畜棚里的大产业
本报拉萨12月5日电（记者 白玛央金）走进帮扎乡的标准化畜棚，暖风扑面而来。雪域阳光牦牛养殖专业合作社的饲养员正在给牦牛添加草料。
洛桑格列告诉记者，畜棚建成后，牦牛过冬的死亡率明显下降。合作社与西藏农牧学院合作开展品种改良，去年新增犊牛300多头。
强巴平措说，合作社的牦牛肉干已经进入拉萨的超市。达孜区兽防站站长米玛顿珠说，今年全区牦牛免疫率达到98%。帮扎乡还组织牧民参加技术服务中心的培训，全年培训800余人次。
达孜区农业农村局有关负责人表示，将继续支持洛桑格列和他的合作社扩大规模，带动更多群众增收。
`;

type Gold = Array<[string, LabelId]>;

export const GOLD_1: Gold = [
  ['拉萨', 'LOC'], ['白玛央金', 'PER'], ['达孜区帮扎乡', 'LOC'], ['帮扎乡', 'LOC'], ['洛桑格列', 'PER'],
  ['雪域阳光牦牛养殖专业合作社', 'ORG'], ['帮扎乡党委', 'ORG'], ['次仁多吉', 'PER'], ['西藏农牧学院', 'ORG'],
  ['达孜区农业农村局', 'ORG'], ['强巴平措', 'PER'], ['成都', 'LOC'], ['西宁', 'LOC'],
];

export const GOLD_2: Gold = [
  ['拉萨', 'LOC'], ['白玛央金', 'PER'], ['帮扎乡', 'LOC'], ['雪域阳光牦牛养殖专业合作社', 'ORG'], ['洛桑格列', 'PER'],
  ['西藏农牧学院', 'ORG'], ['强巴平措', 'PER'], ['达孜区农业农村局', 'ORG'], ['达孜区兽防站', 'ORG'], ['米玛顿珠', 'PER'],
];

interface Mention { start: number; end: number; text: string; label: LabelId }

/** Every occurrence of every gold word, longest words first, never overlapping. */
export function goldMentions(text: string, gold: Gold): Mention[] {
  const taken = new Uint8Array(text.length);
  const out: Mention[] = [];
  for (const [word, label] of [...gold].sort((a, b) => b[0].length - a[0].length)) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      if (taken.subarray(i, i + word.length).some(c => c)) continue;
      taken.fill(1, i, i + word.length);
      out.push({ start: i, end: i + word.length, text: word, label });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const key = (m: { start: number; end: number; label: LabelId }) => `${m.start}:${m.end}:${m.label}`;
const entitiesOf = (anns: readonly Annotation[]) => anns.filter(a => a.label !== 'NUMBER');

/** The simulated review: right suggestions accepted, the others rejected, missed gold mentions tagged by hand. */
export function review(text: string, gold: Gold): Annotation[] {
  const want = goldMentions(text, gold);
  const wanted = new Set(want.map(key));
  const suggested = entitiesOf(analyze(text, { articles: false, numbers: false }).annotations);
  const found = new Set(suggested.map(key));
  return [
    ...suggested.map((a): Annotation => ({ ...a, status: wanted.has(key(a)) ? 'accepted' : 'rejected' })),
    ...want.filter(m => !found.has(key(m))).map((m): Annotation => ({ id: `manual-${m.start}`, ...m, source: 'manual', status: 'accepted' })),
  ];
}

export interface PageFigures {
  /** Gold mentions the annotator must still tag by hand (no exact suggestion). */
  manualTags: number;
  /** Wrong suggestions the annotator must reject. */
  falsePositives: number;
  /** Of those, suggestions rejected on page 1 coming back (same text and label). */
  rejectedAgain: number;
  /** Gold mentions of words learned on page 1 that are suggested exactly. */
  learnedFound: number;
}

export interface LearningFigures {
  goldMentions: number;
  learnedMentions: number;
  lexicon: LexiconItem[];
  page1: { suggestions: number; accepted: number; rejected: number; manual: number };
  without: PageFigures;
  withLexicon: PageFigures;
}

export function measureLearning(page1 = PAGE_1, gold1 = GOLD_1, page2 = PAGE_2, gold2 = GOLD_2): LearningFigures {
  const work = review(page1, gold1);
  const lexicon = learn([], work);
  const rejected = new Set(lexicon.filter(e => e.reject).map(e => `${e.label}\u0000${e.word}`));
  const learned = new Set(lexicon.filter(e => !e.reject).map(e => e.word));
  const gold = goldMentions(page2, gold2);
  const goldKeys = new Set(gold.map(key));

  const figures = (anns: Annotation[]): PageFigures => {
    const found = new Set(anns.map(key));
    const wrong = anns.filter(a => !goldKeys.has(key(a)));
    return {
      manualTags: gold.filter(m => !found.has(key(m))).length,
      falsePositives: wrong.length,
      rejectedAgain: wrong.filter(a => rejected.has(`${a.label}\u0000${a.text}`)).length,
      learnedFound: gold.filter(m => learned.has(m.text) && found.has(key(m))).length,
    };
  };
  const analyse = (withLexicon: boolean) =>
    entitiesOf(analyze(page2, { articles: false, numbers: false, lexicon: withLexicon ? toLexiconEntries(lexicon) : undefined }).annotations);
  return {
    goldMentions: gold.length,
    learnedMentions: gold.filter(m => learned.has(m.text)).length,
    lexicon,
    page1: {
      suggestions: work.filter(a => a.source === 'auto').length,
      accepted: work.filter(a => a.source === 'auto' && a.status === 'accepted').length,
      rejected: work.filter(a => a.status === 'rejected').length,
      manual: work.filter(a => a.source === 'manual').length,
    },
    without: figures(analyse(false)),
    withLexicon: figures(analyse(true)),
  };
}

if (require.main === module) {
  const f = measureLearning();
  const p = f.page1;
  const row = (name: string, x: PageFigures) =>
    `${name.padEnd(16)} ${String(x.manualTags).padStart(11)} ${String(x.falsePositives).padStart(15)} ${String(x.rejectedAgain).padStart(14)} ${`${x.learnedFound}/${f.learnedMentions}`.padStart(14)}`;
  console.log(`page 1 review: ${p.suggestions} suggestions, ${p.accepted} accepted, ${p.rejected} rejected, ${p.manual} tagged by hand`);
  console.log(`learned lexicon: ${f.lexicon.filter(e => !e.reject).length} words, ${f.lexicon.filter(e => e.reject).length} rejection(s)`);
  console.log(`page 2: ${f.goldMentions} gold mentions, ${f.learnedMentions} of them of words learned on page 1\n`);
  console.log(`${''.padEnd(16)} manual tags  false positives  rejected again  learned found`);
  console.log(row('without lexicon', f.without));
  console.log(row('with lexicon', f.withLexicon));
}
