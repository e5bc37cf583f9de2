/**
 * Rules after the tagger, each on jieba's words around the spans already found: transliterated names
 * joined by ·, a cut-off division suffix joined back, organisation names as a whole (a place plus an
 * organisation word, a branch after its parent), lists of one-character place abbreviations, tagger
 * slips (function words, generic groups, offices read as persons), and titles in 《》. Each was kept
 * only where it did not cost F1 on dev.bio with the full-data tagger, or where the conventions ask for
 * it (docs/ner.md); rules written for the small dev-only tagger that now cost F1 were removed.
 */
import type { Token } from '../jieba';
import type { TagSpan } from './decode';
import { GENERIC_ORG_HEADS, GENERIC_ORG_MODIFIERS, OFFICE_ENDINGS, ORG_SUFFIXES, ORG_WORDS, PLACE_ABBREVIATIONS, ROLE_WORDS, SURNAMES, TITLES_AFTER, TRANSLITERATION, WEATHER_WORDS } from './lexicons';

/**
 * Organisation heads the rules join to a place before them (木鱼镇 + 人民政府, X县 + 图书馆) besides the
 * lexicon's organisation words; kept out of ORG_WORDS because those are also tagger features the model
 * was trained with.
 */
const ORG_HEADS = ['人民政府', '图书馆', '博物馆', '纪念馆', '文化馆', '美术馆', '科技馆', '体育馆', '管委会', '大使馆', '总领事馆', '领事馆', '使馆', '议会', '国会'];
const ORG_WORD = new Set([...ORG_WORDS, ...ORG_HEADS]);
/** Multi-word division names a place is followed by (望湖 + 街道, 临江 + 经济技术开发区). */
const DIVISION_HEADS = ['高新技术产业开发区', '经济技术开发区', '经济开发区', '开发区', '高新区', '新区', '街道'];
const ABBREV = new Set(PLACE_ABBREVIATIONS);
const FOREIGN = new Set(TRANSLITERATION + '·');
const CHAIN_TAILS = new Set('省市县区州盟旗乡镇村');
/** Suffixes only places end with (区 also ends 军区, 社区, 开发区, which can be organisations). */
const PLACE_ONLY_TAILS = new Set('省市县乡镇村');
const DIRECTION_TAIL = /^(.{2,}?)[东南西北中]{1,2}部$/;
const DIRECTION_HEAD = /^[东南西北中]{1,2}部(.{2,})$/;

/** A part of a region (华北中南部, 南部非洲) is the region: the compass word is cut off and the rest is a place. */
function withoutDirections(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map(s => {
    if (s.label !== 'LOC' && s.label !== 'ORG') return s;
    const t = text.slice(s.start, s.end);
    const tail = DIRECTION_TAIL.exec(t);
    if (tail) return { start: s.start, end: s.start + tail[1].length, label: 'LOC' };
    const head = DIRECTION_HEAD.exec(t);
    return head ? { start: s.end - head[1].length, end: s.end, label: 'LOC' } : s;
  });
}

const TIME_ZONE = /^时间[\d０-９零一二三四五六七八九十今昨明凌清早晚上下中午]/;

/** A place naming a time zone (X时间6月1日, X时间凌晨) is part of a time, not a place, as MSRA marks it. */
function notTimeZones(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.filter(s => s.label !== 'LOC' || !TIME_ZONE.test(text.slice(s.end, s.end + 3)));
}

/** An alternation of words, longest first. */
const alt = (words: readonly string[]) => words.slice().sort((a, b) => b.length - a.length).join('|');

/** The tagger's spans of one chunk after every rule, in order. */
export function contextRules(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  let out = divisionSuffixes(text, toks, withoutDirections(text, notWeather(text, toks, notTimeZones(text, spans))));
  out = dottedNames(text, toks, out);
  out = ministries(text, placeThenOrg(text, orgSuffixes(text, toks, out)));
  out = teamLists(text, abbreviationLists(text, branches(text, teams(text, out))));
  out = sharedHeads(text, toks, verbSplitOrgs(text, toks, conjoinedOrgs(text, orgEndings(text, cutOrgWords(text, notFunctionWords(text, toks, out))))));
  out = givenNames(text, toks, surnameJoined(text, officesNotPersons(text, notGenericGroups(text, withoutRoles(text, out)))));
  out = vessels(text, spelledCharacters(text, balancedMarks(text, foreignNames(text, toks, titledPersons(text, toks, out)))));
  return localGovernments(text, toks, cooperatives(text, toks, unnamedUnits(text, postedTeams(text, centralTasks(text, out)))));
}

const COOPERATIVE = /^[\u4e00-\u9fff]{0,10}?合作社/;
const LINKING_TAG = /^(p|c|r|d|ad|u[a-z]*)$/;

/**
 * A cooperative named after its village or township (X村核桃种植专业合作社, X镇蔬菜合作社) is one organisation with
 * the place, as the conventions write `X养殖合作社`; not across a preposition, conjunction or pronoun (在X村和合作社).
 */
function cooperatives(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  return spans.map((s, i) => {
    if (s.label !== 'LOC' || !PLACE_ONLY_TAILS.has(text[s.end - 1])) return s;
    const m = COOPERATIVE.exec(text.slice(s.end, s.end + 13));
    if (!m) return s;
    const end = s.end + m[0].length;
    if ((spans[i + 1]?.start ?? text.length) < end) return s;
    for (let k = firstFrom(toks, s.end); k < toks.length && toks[k].start < end; k++) {
      if (toks[k].end > end || LINKING_TAG.test(toks[k].tag)) return s;
    }
    return { start: s.start, end, label: 'ORG' };
  });
}

const LOCAL_GOVERNMENT = /(?:^|(?<=[^\u4e00-\u9fff]|[、和与及]))[省市县区乡镇]政府/g;

/**
 * The government of the one province, city or county in context (市委、市政府; 县政府立即…) is an
 * organisation, as the conventions count 市政府 and 县委; after a place name (X市政府) the tagger and the
 * place rules decide. Looked for in this chunk's text (from its first token to its last).
 */
function localGovernments(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const { from, chunk } = chunkText(text, toks);
  if (!chunk.includes('政府')) return spans;
  let out = spans;
  for (const m of chunk.matchAll(LOCAL_GOVERNMENT)) {
    const start = from + m.index!, end = start + m[0].length;
    if (out.some(s => s.end > start && s.start < end)) continue;
    out = [...out, { start, end, label: 'ORG' }].sort((a, b) => a.start - b.start);
  }
  return out;
}

const COMMAND = /(军分区|军区|警备区|总队|支队)$/;
const UNNAMED_UNIT = /^某(团|部|营|连|师|旅|舰队|分队|中队|大队)/;

/** A unit the press names only as 某团 / 某部 under its command is one organisation with it (X军分区某团, the conventions). */
function unnamedUnits(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map((s, i) => {
    if (s.label !== 'ORG' || !COMMAND.test(text.slice(s.start, s.end))) return s;
    const unit = UNNAMED_UNIT.exec(text.slice(s.end, s.end + 3));
    if (!unit || (spans[i + 1]?.start ?? text.length) < s.end + unit[0].length) return s;
    return { ...s, end: s.end + unit[0].length };
  });
}

const POSTED_TEAM = /(工作队|工作组)$/;
const POSTED_PLACE = /^[\u4e00-\u9fff]{1,10}[省市县区州盟旗乡镇村]$/;
/** How far before a team's head `驻` is looked for (a list of two or three village chains). */
const POSTED_REACH = 24;

/**
 * A team posted to places (X局驻Y乡Z村工作队, X政府驻甲村、乙村工作队) is named by its parent and its places; the
 * conventions accept the whole or the parent plus the places, never a fragment (乡Z村工作队, 乙村工作队, 甲村 as
 * an organisation). An organisation that starts after `驻` and ends in the team's head gives way to the places
 * as LOC, one span per listed place; the parent before `驻` keeps its own span, a whole span is left alone.
 */
function postedTeams(text: string, spans: TagSpan[]): TagSpan[] {
  let out = spans;
  for (const s of spans) {
    if (s.label !== 'ORG' || !POSTED_TEAM.test(text.slice(s.start, s.end))) continue;
    const head = s.end - 3;
    // Searched for in the reach only: lastIndexOf from the span would scan back to the page's start.
    const reach = Math.max(0, head - POSTED_REACH);
    const found = text.slice(reach, s.start + 1).lastIndexOf('驻');
    const posted = found < 0 ? -1 : reach + found;
    if (posted < 0 || head - posted < 3) continue;
    const places = text.slice(posted + 1, head);
    if (!/^[\u4e00-\u9fff、]+$/.test(places)) continue;
    const items = places.split('、');
    if (!items.every(p => POSTED_PLACE.test(p))) continue;
    const gone = new Set(out.filter(o => o.end > posted + 1 && o.start < s.end));
    if ([...gone].some(o => o.start <= posted)) continue;
    const added: TagSpan[] = [];
    let at = posted + 1;
    for (const p of items) {
      added.push({ start: at, end: at + p.length, label: 'LOC' });
      at += p.length + 1;
    }
    out = [...out.filter(o => !gone.has(o)), ...added].sort((a, b) => a.start - b.start);
  }
  return out;
}

const CENTRAL_TASK = /^(工作|任务)/;
const LEADING_BODY = /(委|党组|政府)中心$/;

/**
 * 中心工作 / 中心任务 after a leading body is the phrase "central task" (把握市委中心工作), not a centre of that
 * body; a centre that is a place of work (在X康复中心工作) is left alone.
 */
function centralTasks(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map(s => (s.label === 'ORG' && LEADING_BODY.test(text.slice(s.start, s.end)) && CENTRAL_TASK.test(text.slice(s.end, s.end + 2)) ? { ...s, end: s.end - 2 } : s));
}

const ROLE_END = new RegExp(`(${alt(ROLE_WORDS.filter(w => w.length >= 2))})$`);

/** A person is the name only: a role or title the tagger took in (陈小姐, X先生) is cut off; a role alone is dropped. */
function withoutRoles(text: string, spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (const s of spans) {
    const m = s.label === 'PER' ? ROLE_END.exec(text.slice(s.start, s.end)) : null;
    if (!m) out.push(s);
    else if (m.index > 0) out.push({ ...s, end: s.start + m.index });
  }
  return out;
}

const TITLE_WORD = new RegExp(`^副?(${alt(TITLES_AFTER)})$`);
const TITLE_AHEAD = new RegExp(`^副?(${alt(TITLES_AFTER)})`);
const SURNAME = new Set(SURNAMES);
/** Words that are never a surname or a name's last character standing alone (和市长, 向部长, 王明和局长). */
const NOT_NAME_TAG = /^(c|p|r|d|u[a-z]*|v[a-z]*)$/;
const HAN = /[\u4e00-\u9fff]/;
/** Characters that end no name before a title (杜泰 + 为团长, 唐军 + 副总裁). */
const LINKING = new Set('的了和与及或是在为对向给被把从将就都也又还并而等副比因连');

/**
 * A title or rank right after a name ends the name (赵国钧少将, 金教授): a two-character person the tagger
 * stopped one character short of a title grows to it, and a lone surname jieba cut off before a title is a person.
 */
function titledPersons(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  let out = spans.map((s, i) => {
    if (s.label !== 'PER' || s.end - s.start !== 2 || !SURNAME.has(text[s.start]) || !HAN.test(text[s.end] ?? '') || LINKING.has(text[s.end])) return s;
    const next = spans[i + 1], k = startingAt(toks, s.end);
    if ((next && next.start <= s.end + 1) || (k >= 0 && toks[k].word.length === 1 && NOT_NAME_TAG.test(toks[k].tag))) return s;
    return TITLE_AHEAD.test(text.slice(s.end + 1, s.end + 6)) ? { ...s, end: s.end + 1 } : s;
  });
  for (let k = 0; k + 1 < toks.length; k++) {
    const t = toks[k];
    if (t.word.length === 1 && SURNAME.has(t.word) && !NOT_NAME_TAG.test(t.tag) && toks[k + 1].start === t.end && TITLE_WORD.test(toks[k + 1].word)) {
      out = place(out, { start: t.start, end: t.end, label: 'PER' });
    }
  }
  return out;
}

const isForeign = (t: string) => [...t].every(ch => FOREIGN.has(ch));

/**
 * A transliterated name is one person even without a · (巴蒂 + 斯图塔): two persons side by side made only
 * of transliteration characters, each of two or more, are joined (one-character pairs stay two: 汤尤杯).
 */
function foreignNames(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.label === 'PER' && s.label === 'PER' && prev.end === s.start && prev.end - prev.start >= 2 && s.end - s.start >= 2 && isForeign(text.slice(prev.start, s.end))) out[out.length - 1] = { start: prev.start, end: s.end, label: 'PER' };
    else out.push(s);
  }
  return out.map((s, i) => {
    if (s.label !== 'PER' || s.end - s.start < 2 || !isForeign(text.slice(s.start, s.end))) return s;
    const word = (at: number) => toks[Math.max(0, firstFrom(toks, at + 1) - 1)];
    const lone = (at: number, beyond: number) => FOREIGN.has(text[at] ?? '') && !LINKING.has(text[at]) && !FOREIGN.has(text[beyond] ?? '') && word(at)?.word.length === 1;
    const start = lone(s.start - 1, s.start - 2) && (out[i - 1]?.end ?? 0) < s.start ? s.start - 1 : s.start;
    const end = lone(s.end, s.end + 1) && (out[i + 1]?.start ?? text.length) > s.end ? s.end + 1 : s.end;
    return { ...s, start, end };
  });
}

const VESSEL = /^[\u4e00-\u9fff]{0,4}?(舰|船|艇|飞船|探测器|卫星|航天飞机|飞机|火箭)(?![\u4e00-\u9fff]?[队长员])/;

/** A named vessel or craft (“X”号 + 导弹驱逐舰, “X”号 + 探测器) takes its type in, as MSRA marks it. */
function vessels(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map((s, i) => {
    const m = text.slice(s.end - 2, s.end) === '”号' ? VESSEL.exec(text.slice(s.end, s.end + 9)) : null;
    return m && (spans[i + 1]?.start ?? text.length) >= s.end + m[0].length ? { ...s, end: s.end + m[0].length } : s;
  });
}

/** A rare character written as its two parts in brackets (X（日希）): not a position, number or photo note (左二, 图片). */
const SPELLED_CHAR = /^（(?![左右上下中前后图见附摄文])[\u4e00-\u9fff][^\s（）一二三四五六七八九十\x00-\xff]）/;

/** A person of one or two characters followed by a rare character spelled in brackets takes it in (X（王君）). */
function spelledCharacters(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map((s, i) => {
    const m = s.label === 'PER' && s.end - s.start <= 2 ? SPELLED_CHAR.exec(text.slice(s.end, s.end + 4)) : null;
    return m && (spans[i + 1]?.start ?? text.length) >= s.end + 4 ? { ...s, end: s.end + 4 } : s;
  });
}

const OPENERS = '“《（‘「『(', CLOSERS = '”》）’」』)';
/** How far a quote or title mark may sit outside a span and still be its pair. */
const MARK_REACH = 12;

/**
 * Quotes and title marks in a span come in pairs (“旅行者”号探测器, X区《人民日报》): a span holding half
 * a pair grows to the other half when it is close and nothing else is in the way, and otherwise is cut
 * before the lone mark (夏利”现在中心 → 夏利). A span quoted as a whole loses the quote (“X局” → X局).
 */
function balancedMarks(text: string, spans: TagSpan[]): TagSpan[] {
  const out = spans.slice();
  for (let i = 0; i < out.length; i++) {
    let { start, end } = out[i];
    const t = text.slice(start, end);
    const opener = OPENERS.indexOf(t[0]), closer = CLOSERS.indexOf(t[t.length - 1]);
    if (opener >= 0 && !t.includes(CLOSERS[opener])) start++;
    if (closer >= 0 && !t.includes(OPENERS[closer])) end--;
    const lone = loneMark(text, start, end);
    if (lone >= 0) {
      const ch = text[lone], closing = CLOSERS.includes(ch);
      const pair = closing ? OPENERS[CLOSERS.indexOf(ch)] : CLOSERS[OPENERS.indexOf(ch)];
      const found = closing ? lastWithin(text, pair, start - MARK_REACH, start) : firstWithin(text, pair, end, end + MARK_REACH);
      const reach = closing ? start - found : found + 1 - end;
      const lo = closing ? found : end, hi = closing ? start : found + 1;
      const prev = out[i - 1], next = out[i + 1];
      const free = found >= 0 && reach <= MARK_REACH && !/[\r\n，。；、！？]/.test(text.slice(lo, hi)) && (!prev || prev.end <= lo) && (!next || next.start >= hi);
      if (free && closing) start = found;
      else if (free) end = found + 1;
      else if (closing) end = lone;
      else end = lone;
    }
    if (end - start >= 1 && (start !== out[i].start || end !== out[i].end)) out[i] = { start, end, label: out[i].label };
  }
  return out.filter(s => s.end > s.start);
}

/** Position of `ch` in text[from, to), the last one or the first one; -1 if absent. */
function lastWithin(text: string, ch: string, from: number, to: number): number {
  for (let k = to - 1; k >= Math.max(0, from); k--) if (text[k] === ch) return k;
  return -1;
}
function firstWithin(text: string, ch: string, from: number, to: number): number {
  for (let k = from; k < Math.min(text.length, to); k++) if (text[k] === ch) return k;
  return -1;
}

/** The first quote or title mark in text[start, end) whose other half is not in that range, or -1. */
function loneMark(text: string, start: number, end: number): number {
  const open: number[] = [];
  for (let k = start; k < end; k++) {
    const ch = text[k];
    if (OPENERS.includes(ch)) open.push(k);
    else if (CLOSERS.includes(ch)) {
      const o = open.length ? open[open.length - 1] : -1;
      if (o >= 0 && OPENERS.indexOf(text[o]) === CLOSERS.indexOf(ch)) open.pop();
      else return k;
    }
  }
  return open.length ? open[0] : -1;
}

/** A person holding 您 or 你 is a greeting or address (谢谢您), never a name. */
const ADDRESS = /[您你]/;

/**
 * A one-character person right before another person of two or more characters is a surname the tagger
 * cut off (周 + 海涛): one name; so is a surname before a two-character "place" (陈 + 桂林). Two one-character persons side by side are two names (马列, 汤尤杯: Marx and
 * Lenin, Thomas and Uber; joining them cost F1 on dev.bio). Persons with 您/你 are dropped.
 */
function surnameJoined(text: string, spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (const s of spans) {
    if (s.label === 'PER' && ADDRESS.test(text.slice(s.start, s.end))) continue;
    const prev = out[out.length - 1];
    const given = s.label === 'PER' ? s.end - s.start >= 2 : s.label === 'LOC' && s.end - s.start === 2 && SURNAME.has(text[s.start - 1]);
    if (prev && prev.label === 'PER' && given && prev.end === s.start && prev.end - prev.start === 1) out[out.length - 1] = { start: prev.start, end: s.end, label: 'PER' };
    else out.push(s);
  }
  return out;
}

const NOT_GIVEN_NAME_TAG = /^(p|c|r|d|a|ad|an|m|q|f|t|x|v[a-z]*|u[a-z]*|ns|nt)$/;
/** What follows a surname and is no given name: titles, roles and forms of address (王大娘, 李主席, 张指导). */
const NOT_GIVEN_NAME = new Set([...TITLES_AFTER, ...ROLE_WORDS, '大姐', '大哥', '奶奶', '爷爷', '师母', '老太', '老板', '老总', '医生', '律师', '指导', '军医', '常委', '二人', '三人', '两人', '秘书', '都督', '知县', '热线']);

/**
 * A lone surname the tagger found (钱 | 立新介绍, 葛 | 长风、) takes in the two-character word after it when that
 * word could be a given name: Han characters jieba reads as no verb, adverb, adjective, function word,
 * numeral, place or organisation, and no title, role or form of address (王大娘, 李主席); not after 小/老 (小郭).
 */
function givenNames(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  return spans.map((s, i) => {
    // 小郭, 老胡: a familiar form, the surname is all of the name.
    if (s.label !== 'PER' || s.end - s.start !== 1 || !SURNAME.has(text[s.start]) || /[小老]/.test(text[s.start - 1] ?? '')) return s;
    const k = startingAt(toks, s.end);
    if (k < 0) return s;
    const t = toks[k];
    if (t.word.length !== 2 || !/^[\u4e00-\u9fff]+$/.test(t.word) || NOT_GIVEN_NAME_TAG.test(t.tag) || NOT_GIVEN_NAME.has(t.word)) return s;
    if ((spans[i + 1]?.start ?? text.length) < t.end) return s;
    return { ...s, end: t.end };
  });
}

const GENERIC_ORG = new RegExp(`^(${alt(GENERIC_ORG_MODIFIERS)})*(${alt(GENERIC_ORG_HEADS)})$`);

/** A generic group with no proper name in it (驻村工作队, 乡镇党委, 村工作队) is not an organisation. */
function notGenericGroups(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.filter(s => s.label !== 'ORG' || ONE_BODY.test(text.slice(s.start, s.end)) || !GENERIC_ORG.test(text.slice(s.start, s.end)));
}

/** The party committee of the one township or village in context (乡党委书记, 村党支部委员) names one body, like 县委. */
const ONE_BODY = /^[乡镇村](党委|党支部)$/;

const OFFICE = new RegExp(`^[\\u4e00-\\u9fff]{1,4}[${OFFICE_ENDINGS}]$`);

/** An office's short name read as a person (扶贫办, 发改委) is an organisation. */
function officesNotPersons(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map(s => (s.label === 'PER' && OFFICE.test(text.slice(s.start, s.end)) ? { ...s, label: 'ORG' } : s));
}

const ORG_ENDING = /(队|报|周刊|杂志|公司|集团|委员会|协会|学会|联合会|俱乐部|大学|学院|小学|中学|银行|电视台|研究所|研究院|政府|法院|检察院|军分区|军区)$/;

const LONG_ORG_WORDS = ORG_WORDS.filter(w => w.length >= 3);

/**
 * A span that stops one character short of an organisation word (X基金 + 会) takes that character in and is
 * an organisation, unless the character starts a title (X协 + 会长).
 */
function cutOrgWords(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map((s, i) => {
    if (s.label === 'WORK' || text[s.end + 1] === '长' || (spans[i + 1]?.start ?? text.length) <= s.end) return s;
    const grown = text.slice(s.start, s.end + 1);
    return LONG_ORG_WORDS.some(w => grown.endsWith(w) && grown.length > w.length) ? { start: s.start, end: s.end + 1, label: 'ORG' } : s;
  });
}

/** A place or person span that ends in an organisation word is an organisation (牙买加队, 海南航空公司, X军分区, X区人民法院: the conventions' full names). */
function orgEndings(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map(s => (s.label !== 'ORG' && s.label !== 'WORK' && ORG_ENDING.test(text.slice(s.start, s.end)) ? { ...s, label: 'ORG' } : s));
}

/** Verbs by which one body acts on another; verbs that also occur inside names (联合, 组织, 执行, 发行) are not here. */
const ACTING_VERBS = new Set(['协调', '会同', '委托', '邀请', '看望', '慰问', '帮助', '指导', '支持', '督促', '要求', '通知', '批准', '授权', '资助']);

/**
 * An organisation span holding a verb by which one body acts on another (X管委会协调Y银行Z分行: the tagger ran
 * them together) is the two organisations; only when both sides end as organisations do.
 */
function verbSplitOrgs(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  return spans.flatMap(s => {
    if (s.label !== 'ORG') return [s];
    for (let k = firstFrom(toks, s.start + 2); k < toks.length && toks[k].end <= s.end - 2; k++) {
      const pair = ACTING_VERBS.has(toks[k].word) && twoOrgs(text, s, toks[k].start, toks[k].end);
      if (pair) return pair;
    }
    return [s];
  });
}

const ORG_TAIL = new Set(ORG_SUFFIXES);
const endsAsOrg = (name: string) => name.length >= 2 && (ORG_TAIL.has(name[name.length - 1]) || ORG_ENDING.test(name));

/** Span `s` as the two organisations on either side of text[at, after), when both sides end as organisations do. */
function twoOrgs(text: string, s: TagSpan, at: number, after: number): TagSpan[] | undefined {
  if (!endsAsOrg(text.slice(s.start, at)) || !endsAsOrg(text.slice(after, s.end))) return undefined;
  return [{ start: s.start, end: at, label: 'ORG' }, { start: after, end: s.end, label: 'ORG' }];
}

/**
 * Two organisations joined by 和/与/及/、 (X党团和议员团, X周刊和Y公司) are two: an organisation span is split
 * at the conjunction when both sides end as organisations do (红十字和红新月国际联合会 stays whole); so is a photo
 * credit's agency distributing another's picture (X社发Y社).
 */
function conjoinedOrgs(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.flatMap(s => {
    const k = s.label === 'ORG' ? text.slice(s.start, s.end).search(/[和与及、]|(?<=社)发(?=.+社$)/) : -1;
    return (k > 0 && twoOrgs(text, s, s.start + k, s.start + k + 1)) || [s];
  });
}

/** Nouns that can share an organisation's head (农业 + 和土地开发部, 经济、财政 + 和工业统筹部). */
const NOUN_TAG = /^(n|nz|vn|l)$/;
/** Heads that name one body of several fields (X和Y部, X、Y和Z委员会). */
const SHARED_HEAD = /(部|局|署|委员会|联合会)$/;
/** Nouns that are people or bodies themselves (行长和, 政府与, 保管员和, 主管部门和, 军队和), not fields. */
const PEOPLE = new Set([...ROLE_WORDS, ...TITLES_AFTER, '政府', '机关', '单位', '领导', '财长', '行长']);

/**
 * Fields that share one head are one organisation (X国农业和土地开发部, 红十字和红新月国际联合会): an organisation
 * ending as a ministry or committee does, right after 和/与/及, takes in the nouns listed before it (A、B和) when
 * they start a clause or follow a country, and that country too.
 */
function sharedHeads(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const out = spans.slice();
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    if (s.label !== 'ORG' || !SHARED_HEAD.test(text.slice(s.start, s.end)) || !/[和与及]/.test(text[s.start - 1] ?? '')) continue;
    let start = s.start;
    while (/[和与及、]/.test(text[start - 1] ?? '')) {
      const k = firstFrom(toks, start - 1) - 1, t = toks[k];
      if (!t || t.end !== start - 1 || t.word.length < 2 || !NOUN_TAG.test(t.tag) || PEOPLE.has(t.word) || /[员人者门队果]$/.test(t.word)) break;
      start = t.start;
    }
    const prev = out[i - 1];
    const country = prev && prev.label === 'LOC' && prev.end === start;
    if (start === s.start || (prev && prev.end > start) || (!country && HAN.test(text[start - 1] ?? ''))) continue;
    if (country) start = prev.start;
    out.splice(country ? i - 1 : i, country ? 2 : 1, { start, end: s.end, label: 'ORG' });
    if (country) i--;
  }
  return out;
}

/** Verbs, adverbs, pronouns, conjunctions, prepositions and particles: never the first word of a name. */
const FUNCTION_WORD = /^(v|vd|vn|d|ad|r|c|p|u[a-z]*)$/;
/** Pronouns (我们, 他们, 自己) are never part of a name, wherever they sit. */
const PRONOUN = /^r[a-z]*$/;

/**
 * Tagger slips that are not names: a person whose first word jieba knows as a verb or function word
 * (应该, 任职, 连忙), or that holds a pronoun (向我们). Transliterations joined by · are kept: their
 * parts are often odd words. On dev.bio such PER spans were wrong 19 times out of 20; on held-out dev
 * folds the rule removes only wrong spans. (A lone conjunction first, 和夫人, or a verb inside, 时表示,
 * looked tempting but cut real names: 和万春, 翟启运.)
 */
function notFunctionWords(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const slip = (s: TagSpan): boolean => {
    const k = firstFrom(toks, s.start);
    const first = toks[k];
    if (!first || first.start !== s.start || text.slice(s.start, s.end).includes('·')) return false;
    if (first.end <= s.end && first.word.length >= 2 && FUNCTION_WORD.test(first.tag)) return true;
    for (let j = k; j < toks.length && toks[j].end <= s.end; j++) {
      if (toks[j].word.length >= 2 && PRONOUN.test(toks[j].tag)) return true;
    }
    return false;
  };
  return spans.some(s => s.label === 'PER' && slip(s)) ? spans.filter(s => s.label !== 'PER' || !slip(s)) : spans;
}

const BRANCH = /(分行|支行|分公司|分局|分社|分院|分校|分会|支队)$/;

/** A branch written right after its parent is part of the parent's name (中国农业银行 + 昆明分行). */
function branches(text: string, spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.label === 'ORG' && s.label === 'ORG' && prev.end === s.start && BRANCH.test(text.slice(s.start, s.end))) {
      out[out.length - 1] = { start: prev.start, end: s.end, label: 'ORG' };
    } else {
      out.push(s);
    }
  }
  return out;
}

const TEAM = /^(男子|女子|青年|少年|国家)?(足球|篮球|排球|网球|乒乓球|羽毛球|手球|水球|冰球|曲棍球|棒球|垒球|田径|游泳|体操|举重|射击|击剑|柔道|摔跤|拳击|跳水|登山|代表)?队(?![员长伍友])|^[男女](篮|排|足)(?![球联赛])/;

/** A country followed by a team word (X国男子网球队, X国女篮) is the team: one organisation (not a continent's 亚洲队, as MSRA marks it). */
function teams(text: string, spans: TagSpan[]): TagSpan[] {
  let out = spans;
  for (const s of spans) {
    const m = s.label === 'LOC' && s.end - s.start >= 2 && text[s.end - 1] !== '洲' ? TEAM.exec(text.slice(s.end, s.end + 9)) : null;
    if (m) out = place(out, { start: s.start, end: s.end + m[0].length, label: 'ORG' });
  }
  return out;
}

/** What closes a list of teams named by their places: X队 itself, or 等队, 等强队, 三队 after the last place. */
const GROUP_BEFORE = /[a-hA-H甲乙丙丁]组(的|：|:)?$/;
const TEAM_AFTER = /^(等|[两二三四五六七八九十])强?队/;

/**
 * Places listed before a team are teams too (X、Y和Z队, X、Y等强队: national or provincial teams, ORG in MSRA):
 * the places joined by 、/和/与/及 to a team ending in 队, or followed by 等队 / 三队, are organisations (not a venue: 在X与Y队);
 * so are the places listed after a tournament group (a组的X、Y).
 */
function teamLists(text: string, spans: TagSpan[]): TagSpan[] {
  const out = spans.slice();
  for (let i = 0; i < out.length; i++) {
    const s = out[i], t = text.slice(s.start, s.end);
    let j = i;
    if (s.label === 'LOC' && GROUP_BEFORE.test(text.slice(Math.max(0, s.start - 4), s.start)) && /^[、，。；和与及]/.test(text[s.end] ?? '')) {
      // a组的X、Y、Z: the teams drawn in a group.
      out[i] = { ...s, label: 'ORG' };
      for (let k = i + 1; k < out.length && out[k].label !== 'PER' && out[k].start === out[k - 1].end + 1 && /[、和与及]/.test(text[out[k - 1].end]); k++) out[k] = { ...out[k], label: 'ORG' };
      continue;
    }
    if (s.label === 'LOC' && TEAM_AFTER.test(text.slice(s.end, s.end + 4))) out[i] = { ...s, label: 'ORG' };
    else if (!(s.label === 'ORG' && /队$/.test(t))) continue;
    // 中、X登山队, X国、Y国联合登山队: one joint team of the places listed.
    const joint = /联合/.test(t) || (text[s.start - 1] === '、' && ABBREV.has(text[s.start - 2]) && !HAN.test(text[s.start - 3] ?? ''));
    if (joint && text[s.start - 1] === '、') {
      const prev = out[i - 1], start = prev && prev.end === s.start - 1 && prev.label === 'LOC' ? prev.start : s.start - 2;
      if (start === s.start - 2 && (!ABBREV.has(text[start]) || (prev && prev.end > start))) continue;
      out.splice(start === s.start - 2 ? i : i - 1, start === s.start - 2 ? 1 : 2, { start, end: s.end, label: 'ORG' });
      continue;
    }
    // 在X与Y队: X is where they play.
    while (j > 0 && out[j - 1].label === 'LOC' && out[j - 1].end === out[j].start - 1 && /[、和与及]/.test(text[out[j].start - 1]) && text[out[j - 1].start - 1] !== '在') {
      out[--j] = { ...out[j], label: 'ORG' };
    }
  }
  return out;
}

/**
 * In a list of one-character place abbreviations (美、欧、港), the items are all places once one of them
 * is: an item the tagger missed between 、 is added.
 */
function abbreviationLists(text: string, spans: TagSpan[]): TagSpan[] {
  let out = spans;
  for (const s of spans) {
    if (s.label !== 'LOC' || s.end - s.start !== 1) continue;
    for (let at = s.end + 1; text[at - 1] === '、' && ABBREV.has(text[at]) && standsAlone(text[at + 1], LIST_AFTER); at += 2) {
      out = place(out, { start: at, end: at + 1, label: 'LOC' });
    }
    for (let at = s.start - 2; at >= 0 && text[at + 1] === '、' && ABBREV.has(text[at]) && standsAlone(text[at - 1], LIST_BEFORE); at -= 2) {
      out = place(out, { start: at, end: at + 1, label: 'LOC' });
    }
  }
  return out;
}

/** What may stand next to a one-character list item: punctuation, a line edge, or a linking particle. */
const LIST_AFTER = new Set('、，。；：）”的和与及等两三各\r\n ');
const LIST_BEFORE = new Set('、，。；：（“在对与和及\r\n ');

function standsAlone(neighbour: string | undefined, allowed: Set<string>): boolean {
  return neighbour === undefined || allowed.has(neighbour);
}

/**
 * A person name joined by · (维姆·杜伊森贝赫) is one name: a person span touching a · grows over the
 * transliteration around it, but not on over a verb or function word jieba knows after it (安南 + 希望).
 */
function dottedNames(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  let out = spans;
  for (const s of spans) {
    if (s.label !== 'PER' || !(text[s.start - 1] === '·' || text[s.end] === '·' || text.slice(s.start, s.end).includes('·'))) continue;
    let start = s.start, end = s.end;
    while (start > 0 && start > s.start - 12 && FOREIGN.has(text[start - 1])) start--;
    while (end < text.length && end < s.end + 12 && FOREIGN.has(text[end]) && !functionWordAt(toks, end)) end++;
    while (text[start] === '·') start++;
    while (text[end - 1] === '·') end--;
    out = place(out, { start, end, label: 'PER' });
  }
  return out;
}

/** Does a word of two or more characters that jieba tags as a verb or function word start at `pos`? */
function functionWordAt(toks: readonly Token[], pos: number): boolean {
  const k = startingAt(toks, pos);
  return k >= 0 && toks[k].word.length >= 2 && FUNCTION_WORD.test(toks[k].tag);
}

const WEATHER_ONE = '晴|阴|雾|霾';
const WEATHER_MANY = alt(WEATHER_WORDS);
/** A span made only of weather words (雷阵雨, 多云转晴), and the weather words at the end of a span (X + 晴转多云). */
const WEATHER_ALL = new RegExp(`^(?:${WEATHER_MANY}|${WEATHER_ONE}|转)+$`);
const WEATHER_TAIL = new RegExp(`(?:(?:${WEATHER_ONE}|${WEATHER_MANY})转)?(?:${WEATHER_MANY})(?:转(?:${WEATHER_MANY}|${WEATHER_ONE}))?$`);

const WEATHER = `(?:${WEATHER_MANY}|${WEATHER_ONE})(?:转(?:${WEATHER_MANY}|${WEATHER_ONE}))*`;
/** A row of a weather table: place, weather, temperature (北京晴转多云19℃／32℃), after a line start, space or temperature. */
const WEATHER_ROW = new RegExp(`(?<=^|[\\s℃])([\\u4e00-\\u9fff]{2,6}?)${WEATHER}[-－]?\\d+℃`, 'gm');

/**
 * Weather tables (X晴转多云 19℃／32℃): jieba tags 多云 and 雷阵雨 as person names, and the tagger reads
 * them as persons, glues them to the city before them or misses the city. A span of weather words only
 * is dropped; one ending in them keeps the place before them; the name opening a table row is a place.
 */
function notWeather(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  let out: TagSpan[] = [];
  for (const s of spans) {
    const t = text.slice(s.start, s.end);
    if (t.length >= 2 && WEATHER_ALL.test(t)) continue;
    const m = WEATHER_TAIL.exec(t);
    if (m && m.index >= 2) out.push({ start: s.start, end: s.start + m.index, label: 'LOC' });
    else out.push(s);
  }
  const { from, chunk } = chunkText(text, toks);
  for (const m of chunk.matchAll(WEATHER_ROW)) {
    const start = from + m.index!, end = start + m[1].length;
    out = [...out.filter(s => s.end <= start || s.start >= end), { start, end, label: 'LOC' }].sort((a, b) => a.start - b.start);
  }
  return out;
}

/** The text the rules see for one tagger chunk: from its first token to its last ('' when it has none). */
function chunkText(text: string, toks: readonly Token[]): { from: number; chunk: string } {
  if (toks.length === 0) return { from: 0, chunk: '' };
  const from = toks[0].start;
  return { from, chunk: text.slice(from, toks[toks.length - 1].end) };
}

/** Index of the first token starting at or after `pos` (tokens are sorted and never overlap). */
function firstFrom(toks: readonly Token[], pos: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the token starting at `pos`, or -1. */
function startingAt(toks: readonly Token[], pos: number): number {
  const k = firstFrom(toks, pos);
  return toks[k]?.start === pos ? k : -1;
}

/**
 * A name plus its division suffix is one place: the suffix word jieba cut off is joined back
 * (南山 + 村; also after a "person" of two or more characters, a foreign name the tagger took for one: X + 省), and a "person" ending in 县/乡/村/区… or an "organisation" ending in 市/县/村… is a place.
 */
function divisionSuffixes(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    let s = spans[i];
    const next = spans[i + 1];
    const k = s.label === 'LOC' || (s.label === 'PER' && s.end - s.start >= 2) ? startingAt(toks, s.end) : -1;
    const suffix = k >= 0 && s.label === 'LOC' ? divisionHead(text, toks, k) ?? chainTail(toks[k]) : k >= 0 ? chainTail(toks[k]) : undefined;
    if (suffix && (!next || next.start >= suffix.end)) s = { start: s.start, end: suffix.end, label: 'LOC' };
    const tail = text[s.end - 1];
    if (s.end - s.start >= 3 && ((s.label === 'PER' && CHAIN_TAILS.has(tail)) || (s.label === 'ORG' && PLACE_ONLY_TAILS.has(tail)))) s = { ...s, label: 'LOC' };
    out.push(s);
  }
  return out;
}

const chainTail = (t: Token): { end: number } | undefined => (t.word.length === 1 && CHAIN_TAILS.has(t.word) ? t : undefined);

/** A multi-word division name starting at token `k` (jieba cuts 经济 + 技术开发区), ending where a word ends. */
function divisionHead(text: string, toks: readonly Token[], k: number): { end: number } | undefined {
  const at = toks[k].start;
  const head = DIVISION_HEADS.find(h => text.startsWith(h, at));
  if (!head) return undefined;
  const end = at + head.length;
  for (let j = k; j < toks.length && toks[j].start < end; j++) if (toks[j].end === end) return { end };
  return undefined;
}

/** A ministry (not 俱乐部, 总部): before its minister (X部 + 长), the country right before it is part of its name (X国财政部长). */
const MINISTRY = /[^总乐]部$/;
/** A country's parliament, central bank or embassy (X国 + 国民议会, X国 + 中央银行, X国 + 驻华使馆) is named with the country. */
const NATIONAL = /(议会|国会|央行|中央银行|使馆|领事馆)$/;

const MINISTER = /^(前)?[\u4e00-\u9fff]{1,6}?部(?=长)/;

/**
 * A country followed by a ministry and its minister (X国 + 外交部 + 长, X国 + 石油部长, X国 + 前商务部长) is one
 * organisation up to 部, as MSRA marks it. A ministry the tagger found is joined as it stands; one it missed
 * only where nothing else was found in between, and not for a group of countries (产油国, 新政府) or a
 * ministers' meeting (部长级, 部长们).
 */
function ministries(text: string, spans: TagSpan[]): TagSpan[] {
  let out = spans;
  for (const [i, s] of spans.entries()) {
    if (s.label !== 'LOC') continue;
    const next = spans[i + 1];
    if (next && next.label === 'ORG' && next.start === s.end && MINISTRY.test(text.slice(next.start, next.end)) && text[next.end] === '长') {
      out = place(out, { start: s.start, end: next.end, label: 'ORG' });
      continue;
    }
    const m = MINISTER.exec(text.slice(s.end, s.end + 9));
    const end = m ? s.end + m[0].length : 0;
    const free = !next || next.start >= end || (next.label === 'ORG' && next.end === end);
    if (m && free && !/[副兼国]|政府/.test(m[0]) && !/[级们]/.test(text[end + 1]) && ![...m[0]].some(ch => LINKING.has(ch))) out = place(out, { start: s.start, end, label: 'ORG' });
  }
  return out;
}

/** A division directly followed by an organisation is part of its name (海口市 + 中级人民法院), as is a country's parliament or embassy. */
function placeThenOrg(text: string, spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.label === 'LOC' && s.label === 'ORG' && prev.end === s.start && (CHAIN_TAILS.has(text[prev.end - 1]) || NATIONAL.test(text.slice(s.start, s.end)))) {
      out[out.length - 1] = { start: prev.start, end: s.end, label: 'ORG' };
    } else {
      out.push(s);
    }
  }
  return out;
}

/**
 * A place or organisation directly followed by an organisation word (教育局, 委员会, 支行…; 队 after a place) is one
 * organisation. A country's 政府 is not joined (X国 | 政府: MSRA marks the country only, 5 ORG in 500 on train.bio);
 * a division's (X县政府, X镇人民政府) is, as the conventions ask.
 */
function orgSuffixes(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const k = s.label === 'LOC' || s.label === 'ORG' ? startingAt(toks, s.end) : -1;
    const next = spans[i + 1];
    const government = k >= 0 && toks[k].word === '政府' && s.label === 'LOC' && !CHAIN_TAILS.has(text[s.end - 1]);
    // 驻X使馆, 驻X办事处: X is where the office is, not its name.
    const posted = text[s.start - 1] === '驻';
    const orgWord = k >= 0 && !government && !posted && (ORG_WORD.has(toks[k].word) || (s.label === 'LOC' && toks[k].word === '队'));
    if (orgWord && (!next || next.start >= toks[k].end)) {
      out.push({ start: s.start, end: toks[k].end, label: 'ORG' });
    } else {
      out.push(s);
    }
  }
  return out;
}

/**
 * Adds `span` unless it overlaps a span it does not strictly contain; spans it contains are replaced.
 * Keeps the list sorted.
 */
export function place(spans: TagSpan[], span: TagSpan | undefined): TagSpan[] {
  if (!span) return spans;
  const overlapping = spans.filter(s => s.start < span.end && span.start < s.end);
  if (overlapping.some(s => s.start < span.start || s.end > span.end || (s.start === span.start && s.end === span.end))) return spans;
  const kept = spans.filter(s => !overlapping.includes(s));
  kept.push(span);
  return kept.sort((a, b) => a.start - b.start);
}

const TITLE = /《[^《》\r\n]{1,60}》/g;

/** Titles in 《》, brackets included (the usual convention of news annotators). */
export function titles(text: string): TagSpan[] {
  const out: TagSpan[] = [];
  for (const m of text.matchAll(TITLE)) out.push({ start: m.index!, end: m.index! + m[0].length, label: 'WORK' });
  return out;
}
